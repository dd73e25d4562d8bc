package io.daos.client.obj;

import com.google.protobuf.ByteString;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.obj.IodExtents;
import io.daos.proto.obj.ObjRwReply;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** Iods to and from the wire: update data goes into the bulk iod after iod; fetch data comes back the same way. */
public final class IodCodec {
  private IodCodec() {
  }

  public static io.daos.proto.obj.Iod toProto(Iod iod, boolean update) {
    io.daos.proto.obj.Iod.Builder b = io.daos.proto.obj.Iod.newBuilder().setAkey(ByteString.copyFrom(iod.akeyRef()))
        .setType(iod.type() == IodType.SINGLE ? io.daos.proto.obj.IodType.IOD_SINGLE
            : io.daos.proto.obj.IodType.IOD_ARRAY)
        .setSize(iod.size());
    iod.recxs().forEach(r -> b.addRecxs(recx(r)));
    if (update) {
      b.setDataLen(iod.dataLength());
    }
    return b.build();
  }

  public static io.daos.proto.obj.Recx recx(Recx r) {
    return io.daos.proto.obj.Recx.newBuilder().setIdx(r.index()).setNr(r.count()).build();
  }

  public static Recx recx(io.daos.proto.obj.Recx r) {
    return new Recx(r.getIdx(), r.getNr());
  }

  /** The fetch reply cut into one result per iod; REC2BIG when a single value outgrows its buffer. */
  public static List<FetchedIod> fetched(List<Iod> iods, ObjRwReply r, byte[] bulk) {
    if (r.getIodSizesCount() != iods.size() || r.getDataSizesCount() != iods.size()) {
      throw new DaosException(DaosStatus.PROTO, "fetch reply describes " + r.getIodSizesCount() + " iods, asked "
          + iods.size());
    }
    List<FetchedIod> out = new ArrayList<>(iods.size());
    int at = 0;
    for (int i = 0; i < iods.size(); i++) {
      Iod iod = iods.get(i);
      long size = r.getIodSizes(i);
      int len = (int) r.getDataSizes(i);
      if (len < 0 || at + len > bulk.length) {
        throw new DaosException(DaosStatus.PROTO, "fetch reply data sizes run past the " + bulk.length + " bytes sent");
      }
      if (iod.type() == IodType.SINGLE && iod.size() != 0 && size > iod.size()) {
        throw new DaosException(DaosStatus.REC2BIG, "value is " + size + " bytes, buffer " + iod.size());
      }
      byte[] data = new byte[len];
      System.arraycopy(bulk, at, data, 0, len);
      at += len;
      out.add(new FetchedIod(size, data, extents(r, i)));
    }
    return out;
  }

  /**
   * Copies the data of a one-iod fetch reply into {@code dst} at {@code off}, straight from the reply's bulk; returns
   * the iod size.
   */
  public static long copyFetched(Iod iod, ObjRwReply r, ByteBuf bulk, byte[] dst, int off) {
    if (r.getIodSizesCount() != 1 || r.getDataSizesCount() != 1) {
      throw new DaosException(DaosStatus.PROTO, "fetch reply describes " + r.getIodSizesCount() + " iods, asked 1");
    }
    long len = r.getDataSizes(0);
    if (len < 0 || len > bulk.readableBytes() || len > dst.length - off) {
      throw new DaosException(DaosStatus.PROTO, "fetch reply data size " + len + " does not fit the " + bulk.readableBytes()
          + " bytes sent or the " + (dst.length - off) + " bytes asked for");
    }
    bulk.getBytes(bulk.readerIndex(), dst, off, (int) len);
    zeroTail(iod, dst, off, (int) len);
    return r.getIodSizes(0);
  }

  /**
   * After {@code copied} bytes of an array fetch landed at {@code dst[off]}: a reply shorter than the records asked
   * for ends in a hole, which reads as zeros, also in a caller's reused buffer.
   */
  public static void zeroTail(Iod iod, byte[] dst, int off, int copied) {
    if (iod.type() != IodType.ARRAY || iod.size() <= 0) {
      return;
    }
    long asked = Math.min(Iod.records(iod.recxs()) * iod.size(), dst.length - (long) off);
    if (asked > copied) {
      java.util.Arrays.fill(dst, off + copied, off + (int) asked, (byte) 0);
    }
  }

  private static List<Recx> extents(ObjRwReply r, int i) {
    if (i >= r.getMapsCount()) {
      return List.of();
    }
    IodExtents m = r.getMaps(i);
    return m.getRecxsList().stream().map(IodCodec::recx).toList();
  }
}
