package io.daos.engine.obj;

import com.google.protobuf.ByteString;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.FetchedValue;
import io.daos.engine.vos.Iod;
import io.daos.engine.vos.Recx;
import io.daos.engine.vos.tree.IodType;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.proto.obj.ObjTarget;
import io.daos.rpc.ObjRpc;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** Converts between the jdaos.obj protobuf bodies and VOS types; bad input is DER_INVAL with a reason. */
final class ObjCodec {
  /** DAOS_EPOCH_MAX as VOS reads it: latest. */
  static final long EPOCH_LATEST = -1L;

  private ObjCodec() {
  }


  /**
   * The pool UUID of an object request without parsing all of it: field 1 of every object request is its ObjTarget,
   * whose field 1 is the pool UUID. Null when the body has none (the full parse then reports the error).
   */
  static java.util.UUID peekPool(ByteBuf body) {
    return ObjRpc.peekPool(body.nioBuffer());
  }


  static VosObjectId oid(ObjTarget t) {
    return new VosObjectId(t.getOidHi(), t.getOidLo(), t.getShard());
  }

  static byte[] dkey(ByteString k) {
    if (k.isEmpty()) {
      throw new DaosException(DaosStatus.INVAL, "dkey must not be empty");
    }
    return k.toByteArray();
  }

  /** The dkey hash the DTX tables index by (never 0, which stands for "the whole object"). */
  static long dkeyHash(byte[] dkey) {
    long h = 0xcbf29ce484222325L;
    for (byte b : dkey) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return h == 0 ? 1 : h;
  }

  /** A read epoch: 0 and ~0 (DAOS_EPOCH_MAX) both mean latest. */
  static long readEpoch(long e) {
    return e == 0 ? EPOCH_LATEST : e;
  }

  static Recx recx(io.daos.proto.obj.Recx r) {
    return new Recx(r.getIdx(), r.getNr());
  }

  static io.daos.proto.obj.Recx recx(Recx r) {
    return io.daos.proto.obj.Recx.newBuilder().setIdx(r.idx()).setNr(r.nr()).build();
  }

  static IodType type(io.daos.proto.obj.IodType t) {
    switch (t) {
      case IOD_SINGLE:
        return IodType.SINGLE;
      case IOD_ARRAY:
        return IodType.ARRAY;
      default:
        throw new DaosException(DaosStatus.INVAL, "iod type must be SINGLE or ARRAY, got " + t);
    }
  }

  /** The iods of an update, their data cut from {@code bulk} in iod order (data_len each). */
  /**
   * The iods of an update with their data as views of {@code bulk} (see {@link Iod#bulk()}): valid while the bulk is,
   * so the caller holds a reference until the write has applied.
   */
  static List<Iod> updateIods(List<io.daos.proto.obj.Iod> in, ByteBuf bulk) {
    List<Iod> out = new ArrayList<>(in.size());
    int at = bulk.readerIndex();
    for (io.daos.proto.obj.Iod p : in) {
      long len = p.getDataLen();
      if (len > bulk.writerIndex() - at) {
        throw new DaosException(DaosStatus.INVAL, "iod data_len " + len + " runs past the " + bulk.readableBytes()
            + " bulk bytes sent");
      }
      // The request's own buffers (no copy): the caller keeps the bulk until the write has applied.
      java.nio.ByteBuffer[] data = len == 0 ? new java.nio.ByteBuffer[0] : bulk.nioBuffers(at, (int) len);
      at += (int) len;
      out.add(Iod.ofBulk(p.getAkey().toByteArray(), type(p.getType()), p.getSize(), recxs(p), data, p.getFlags()));
    }
    if (at != bulk.writerIndex()) {
      throw new DaosException(DaosStatus.INVAL, (bulk.writerIndex() - at) + " bulk bytes are not claimed by any iod");
    }
    return out;
  }

  static List<Iod> fetchIods(List<io.daos.proto.obj.Iod> in) {
    List<Iod> out = new ArrayList<>(in.size());
    for (io.daos.proto.obj.Iod p : in) {
      out.add(new Iod(p.getAkey().toByteArray(), type(p.getType()), p.getSize(), recxs(p), null, p.getFlags()));
    }
    return out;
  }

  private static List<Recx> recxs(io.daos.proto.obj.Iod p) {
    List<Recx> r = new ArrayList<>(p.getRecxsCount());
    p.getRecxsList().forEach(x -> r.add(recx(x)));
    return r;
  }

  static long totalBytes(List<FetchedValue> values) {
    long n = 0;
    for (FetchedValue v : values) {
      n += v.data().length;
    }
    return n;
  }
}
