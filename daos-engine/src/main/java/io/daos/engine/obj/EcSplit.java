package io.daos.engine.obj;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.obj.EcShardIods;
import io.daos.proto.obj.ObjRwReq;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * The leader's split of an erasure-coded update (DAOS {@code obj_ec_split_req}): the client sends every shard's part
 * (iods in the shard's VOS index space, and a slice of the request bulk) in one OBJ_UPDATE; the leader runs its own
 * part and forwards each other shard only its part.
 */
final class EcSplit {
  private EcSplit() {
  }

  /** True when {@code r} is an EC update carrying per-shard parts. */
  static boolean isSplit(ObjRwReq r) {
    return r.getEcShardsCount() > 0;
  }

  /** The part of {@code shard}; DER_INVAL when the request has none for it. */
  static EcShardIods part(ObjRwReq r, int shard) {
    for (EcShardIods p : r.getEcShardsList()) {
      if (p.getShard() == shard) {
        return p;
      }
    }
    throw new DaosException(DaosStatus.INVAL, "EC update carries no part for shard " + shard);
  }

  /** The iods of the part of {@code shard}. */
  static List<io.daos.proto.obj.Iod> iods(ObjRwReq r, int shard) {
    return part(r, shard).getIodsList();
  }

  /** The part's slice of the request bulk (no copy); DER_INVAL when it runs past the bulk. */
  static ByteBuf slice(ByteBuf bulk, EcShardIods p) {
    long off = p.getBulkOff();
    long len = p.getBulkLen();
    if (off < 0 || len < 0 || off + len > bulk.readableBytes()) {
      throw new DaosException(DaosStatus.INVAL, "EC part of shard " + p.getShard() + " [" + off + ", +" + len
          + ") runs past the " + bulk.readableBytes() + " bulk bytes sent");
    }
    return bulk.slice(bulk.readerIndex() + (int) off, (int) len);
  }

  /** The request forwarded to one shard: its own iods only, no parts. */
  static ObjRwReq.Builder forShard(ObjRwReq r, EcShardIods p) {
    return r.toBuilder().clearEcShards().clearIods().addAllIods(p.getIodsList());
  }
}
