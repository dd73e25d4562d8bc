package io.daos.client.obj.ec;

import io.daos.client.obj.Iod;
import io.daos.client.obj.Recx;
import com.google.protobuf.ByteString;
import io.daos.proto.obj.EcShardIods;
import io.daos.proto.obj.IodType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-shard parts of one EC update, by group member (DAOS's reassembled request, {@code obj_reasb_req}): each
 * member's iods with their record indices in the shard's VOS space and the bytes they carry.
 */
final class EcParts {
  private final List<List<io.daos.proto.obj.Iod>> iods = new ArrayList<>();
  private final List<List<ByteBuffer>> data = new ArrayList<>();

  EcParts(int members) {
    for (int i = 0; i < members; i++) {
      iods.add(new ArrayList<>());
      data.add(new ArrayList<>());
    }
  }

  /** An array iod of {@code member}: records of {@code recordSize} bytes (0 = punch) at {@code recxs}. */
  void array(int member, byte[] akey, long recordSize, List<io.daos.proto.obj.Recx> recxs, List<ByteBuffer> bytes) {
    long len = bytes.stream().mapToLong(ByteBuffer::remaining).sum();
    iods.get(member).add(io.daos.proto.obj.Iod.newBuilder().setAkey(ByteString.copyFrom(akey))
        .setType(IodType.IOD_ARRAY).setSize(recordSize).addAllRecxs(recxs).setDataLen(len).build());
    data.get(member).addAll(bytes);
  }

  /** A single value of {@code member} ({@code share} null = punch). */
  void single(int member, byte[] akey, byte[] share) {
    long len = share == null ? 0 : share.length;
    iods.get(member).add(io.daos.proto.obj.Iod.newBuilder().setAkey(ByteString.copyFrom(akey))
        .setType(IodType.IOD_SINGLE).setSize(len).setDataLen(len).build());
    if (share != null) {
      data.get(member).add(ByteBuffer.wrap(share));
    }
  }

  boolean has(int member) {
    return !iods.get(member).isEmpty();
  }

  /** The parts of the members that have any, named by their shard numbers, and the bulk they index, in order. */
  List<EcShardIods> build(int[] shardOfMember, List<ByteBuffer> bulkOut) {
    List<EcShardIods> out = new ArrayList<>();
    long at = 0;
    for (int m = 0; m < iods.size(); m++) {
      if (!has(m)) {
        continue;
      }
      long len = 0;
      for (ByteBuffer b : data.get(m)) {
        len += b.remaining();
        bulkOut.add(b.duplicate());
      }
      out.add(EcShardIods.newBuilder().setShard(shardOfMember[m]).addAllIods(iods.get(m)).setBulkOff(at)
          .setBulkLen(len).build());
      at += len;
    }
    return out;
  }
}
