package io.daos.client.obj.ec;

import io.daos.client.obj.Iod;
import io.daos.client.obj.IodCodec;
import io.daos.client.obj.Recx;
import io.daos.client.obj.ShardIo;
import com.google.protobuf.ByteString;
import io.daos.client.rpc.Futures;
import io.daos.client.rpc.RpcReply;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.placement.Shard;
import io.daos.proto.obj.ObjRwReply;
import io.daos.proto.obj.ObjRwReq;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The k + p shards of one redundancy group of an EC object for one read: which members can be read (placed, not
 * rebuilding, and not found unreachable during this read) and a fetch from one member. A member whose RPC fails with
 * an error another member may not have (DER_UNREACH, DER_TIMEDOUT, DER_SHUTDOWN, DER_EXCLUDED) is marked lost, as
 * DAOS's degraded fetch does, and its cells are rebuilt from the others.
 */
final class EcShards {
  private static final Set<DaosStatus> LOST = Set.of(DaosStatus.UNREACH, DaosStatus.TIMEDOUT, DaosStatus.SHUTDOWN,
      DaosStatus.EXCLUDED);

  /** A shard's fetch reply: record size found, data, and visible extents (in the shard's index space). */
  record Reply(long size, byte[] data, List<Recx> extents) {
  }

  private final ShardIo io;
  private final ShardIo.Call<ObjRwReply> fetch;
  private final int version;
  private final List<Shard> members;
  private final byte[] dkey;
  private final long epoch;
  private final Set<Integer> lost = ConcurrentHashMap.newKeySet();

  EcShards(ShardIo io, ShardIo.Call<ObjRwReply> fetch, int version, List<Shard> members, byte[] dkey, long epoch) {
    this.io = io;
    this.fetch = fetch;
    this.version = version;
    this.members = members;
    this.dkey = dkey;
    this.epoch = epoch;
    for (int m = 0; m < members.size(); m++) {
      Shard s = members.get(m);
      if (!s.placed() || s.rebuilding()) {
        lost.add(m);
      }
    }
  }

  boolean readable(int member) {
    return !lost.contains(member);
  }

  int lostCount() {
    return lost.size();
  }

  /**
   * Fetches {@code iod} from {@code member}; completes with null when the member is (or turns out) lost, with its
   * reply otherwise.
   */
  CompletableFuture<Reply> fetch(int member, io.daos.proto.obj.Iod iod, int flags) {
    if (!readable(member)) {
      return CompletableFuture.completedFuture(null);
    }
    ShardIo.Body body = (t, e) -> ObjRwReq.newBuilder().setTarget(t).setEpoch(epoch).setDkey(ByteString.copyFrom(dkey))
        .addIods(iod).setFlags(flags).build();
    return io.readShard(version, members.get(member), fetch, body, null).handle((r, e) -> {
      if (e == null) {
        return reply(r);
      }
      DaosException de = Futures.unwrap(e);
      if (LOST.contains(de.status())) {
        lost.add(member);
        return null;
      }
      throw de;
    });
  }

  private static Reply reply(RpcReply<ObjRwReply> r) {
    ObjRwReply b = r.body();
    if (b.getIodSizesCount() != 1 || b.getDataSizesCount() != 1) {
      throw new DaosException(DaosStatus.PROTO, "EC shard fetch reply describes " + b.getIodSizesCount() + " iods");
    }
    byte[] bulk = r.bulk() == null ? new byte[0] : r.bulk();
    int len = (int) b.getDataSizes(0);
    if (len > bulk.length) {
      throw new DaosException(DaosStatus.PROTO, "EC shard fetch reply data size " + len + " > " + bulk.length);
    }
    byte[] data = len == bulk.length ? bulk : java.util.Arrays.copyOf(bulk, len);
    List<Recx> ext = b.getMapsCount() == 0 ? List.of()
        : b.getMaps(0).getRecxsList().stream().map(IodCodec::recx).toList();
    return new Reply(b.getIodSizes(0), data, ext);
  }
}
