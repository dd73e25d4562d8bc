package io.daos.engine.mgmt;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.mgmt.PoolQueryReq;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.proto.mgmt.PoolQueryTargetInfo;
import io.daos.proto.mgmt.PoolQueryTargetReq;
import io.daos.proto.mgmt.PoolQueryTargetResp;
import io.daos.proto.mgmt.PoolRebuildStatus;
import io.daos.proto.mgmt.PoolServiceState;
import io.daos.proto.mgmt.StorageMediaType;
import io.daos.proto.mgmt.StorageTargetUsage;
import io.daos.proto.mgmt.StorageUsageStats;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;
import io.daos.proto.pool.PoolQueryReply;
import io.daos.proto.pool.PoolSpace;
import io.daos.proto.pool.PoolTgtQueryReply;
import io.daos.proto.pool.PoolTgtQueryReq;
import io.daos.proto.pool.TierSpace;
import io.daos.rpc.PoolRpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Pool query (dRPC 223) and query-targets (dRPC 240) answered over CART-J, as DAOS's engine does: 223 asks the pool
 * service leader (POOL_QUERY; the leader sums the space of every rank's targets) and turns the pool map and space into
 * the dRPC reply; 240 asks the rank in question for its targets' space (POOL_TGT_QUERY).
 */
final class RemotePoolQuery {
  /** DPI_SPACE and DPI_ENGINES_ENABLED / DISABLED (daos_pool.h). */
  static final long SPACE = 1;
  static final long ENGINES_ENABLED = 1L << 2;
  static final long ENGINES_DISABLED = 1L << 3;
  /** DPI_ENGINES_DEAD: the ranks SWIM holds dead. */
  static final long ENGINES_DEAD = 1L << 4;
  /** Target states counted as active: UP 2, UPIN 4. */
  private static final int ACTIVE = 2 | 4;
  /** DOWN 8, DOWNOUT 16. */
  private static final int FAILED = 8 | 16;

  private final PoolSvcClient svc;
  private final CartClient client;
  private final IntFunction<Optional<String>> rankUri;
  private final Duration timeout;

  RemotePoolQuery(PoolSvcClient svc, CartClient client, IntFunction<Optional<String>> rankUri, Duration timeout) {
    this.svc = svc;
    this.client = client;
    this.rankUri = rankUri;
    this.timeout = timeout;
  }

  PoolQueryResp query(PoolQueryReq req) {
    UUID pool = PoolSvcDrpcs.uuid(req.getId(), "pool");
    byte[] body = io.daos.proto.pool.PoolQueryReq.newBuilder().setOp(RemotePoolSvc.op(pool)).setQueryBits(SPACE)
        .build().toByteArray();
    PoolQueryReply r = svc.call(pool, req.getSvcRanksList(), PoolRpc.QUERY, body, PoolQueryReply::parseFrom,
        PoolQueryReply::getOp);
    if (r.getOp().getStatus() != 0) {
      return PoolQueryResp.newBuilder().setStatus(r.getOp().getStatus()).build();
    }
    return toResp(pool, r, req.getQueryMask());
  }

  static PoolQueryResp toResp(UUID pool, PoolQueryReply r, long mask) {
    List<Integer> enabled = new ArrayList<>();
    List<Integer> disabled = new ArrayList<>();
    int total = 0;
    int active = 0;
    for (PoolMapRank rank : r.getMap().getRanksList()) {
      int up = (int) rank.getTargetsList().stream().filter(t -> !isFailed(t)).count();
      total += rank.getTargetsCount();
      active += up;
      (up > 0 ? enabled : disabled).add(rank.getRank());
    }
    PoolQueryResp.Builder b = PoolQueryResp.newBuilder().setUuid(pool.toString()).setTotalTargets(total)
        .setActiveTargets(active).setDisabledTargets(total - active).setTotalEngines(r.getMap().getRanksCount())
        .setVersion(r.getMap().getVersion()).setLeader(r.getLeaderRank()).setSvcLdr(r.getLeaderRank())
        .addAllSvcReps(r.getSvcRepsList()).setQueryMask(mask).setPoolLayoutVer(1).setUpgradeLayoutVer(1)
        .setState(total == active ? PoolServiceState.Ready : PoolServiceState.TargetsExcluded)
        .setRebuild(rebuild(r.getRebuild()));
    if ((mask & ENGINES_ENABLED) != 0) {
      b.setEnabledRanks(RemotePoolSvc.ranks(enabled));
    }
    if ((mask & ENGINES_DISABLED) != 0) {
      b.setDisabledRanks(RemotePoolSvc.ranks(disabled));
    }
    if ((mask & ENGINES_DEAD) != 0) {
      b.setDeadRanks(RemotePoolSvc.ranks(r.getDeadRanksList()));
    }
    PoolSpace sp = r.getSpace();
    for (int t = 0; t < PoolDrpcHandlers.MEDIA_MAX; t++) {
      TierSpace s = sp.getTiersCount() > t ? sp.getTiers(t) : TierSpace.getDefaultInstance();
      b.addTierStats(StorageUsageStats.newBuilder().setTotal(s.getTotal()).setFree(s.getFree()).setMin(s.getMin())
          .setMax(s.getMax()).setMean(s.getMean()).setMediaType(StorageMediaType.forNumber(t)));
    }
    return b.build();
  }

  /** pool_rebuild_status_from_info: counts only without an error; IDLE before any rebuild or when stopped. */
  static PoolRebuildStatus rebuild(io.daos.proto.pool.RebuildStatus rs) {
    PoolRebuildStatus.Builder b = PoolRebuildStatus.newBuilder().setStatus(rs.getErrno());
    if (rs.getErrno() == 0) {
      b.setObjects(rs.getObjNr()).setRecords(rs.getRecNr());
    }
    PoolRebuildStatus.State st = rs.getVersion() == 0 || rs.getState() == 1 ? PoolRebuildStatus.State.IDLE
        : rs.getState() == 2 ? PoolRebuildStatus.State.DONE : PoolRebuildStatus.State.BUSY;
    return b.setState(st).setDerivedState(st).setDegraded((rs.getFlags() & 1) != 0).build();
  }

  /** 240 for a rank served by another engine: that rank's targets (all when none are named), each UP_IN. */
  PoolQueryTargetResp queryTargets(PoolQueryTargetReq req) {
    UUID pool = PoolSvcDrpcs.uuid(req.getId(), "pool");
    String uri = rankUri.apply(req.getRank()).orElseThrow(() -> new DaosException(DaosStatus.OOG, "rank "
        + Integer.toUnsignedString(req.getRank()) + " is not in this engine's group map"));
    byte[] body = PoolTgtQueryReq.newBuilder().setOp(RemotePoolSvc.op(pool)).addAllTargets(req.getTargetsList())
        .build().toByteArray();
    try (CartReply reply = CartClient.await(client.callWrapped(uri, PoolRpc.TGT_QUERY, 0, 0, body, null, timeout))) {
      PoolTgtQueryReply r = PoolTgtQueryReply.parseFrom(reply.bodyBytes());
      if (r.getStatus() == 0 && req.getTargetsCount() > 0 && r.getTargetsCount() != req.getTargetsCount()) {
        return PoolQueryTargetResp.newBuilder().setStatus(DaosStatus.NONEXIST.code()).build();
      }
      return targetResp(r);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.PROTO, "rank " + req.getRank() + " sent a malformed reply");
    }
  }

  /** 240's reply from a rank's POOL_TGT_QUERY answer: its status, or each target UP_IN with its space per tier. */
  static PoolQueryTargetResp targetResp(PoolTgtQueryReply r) {
    if (r.getStatus() != 0) {
      return PoolQueryTargetResp.newBuilder().setStatus(r.getStatus()).build();
    }
    PoolQueryTargetResp.Builder b = PoolQueryTargetResp.newBuilder();
    for (PoolSpace t : r.getTargetsList()) {
      PoolQueryTargetInfo.Builder info = b.addInfosBuilder().setState(PoolQueryTargetInfo.TargetState.UP_IN);
      for (int m = 0; m < PoolDrpcHandlers.MEDIA_MAX; m++) {
        TierSpace s = t.getTiersCount() > m ? t.getTiers(m) : TierSpace.getDefaultInstance();
        info.addSpace(StorageTargetUsage.newBuilder().setTotal(s.getTotal()).setFree(s.getFree())
            .setMediaType(StorageMediaType.forNumber(m)));
      }
    }
    return b.build();
  }

  /** pool_map_find_failed_tgts: DOWN or DOWNOUT targets are the disabled ones. */
  static boolean isFailed(PoolMapTarget t) {
    return (t.getState() & FAILED) != 0;
  }

  /**
   * 240's answer with each target's state from the pool map (DAOS takes the states from the service's map): the
   * space answer {@code resp} (null when the rank could not be asked, then spaces are left empty).
   */
  static PoolQueryTargetResp withStates(PoolQueryTargetResp resp, io.daos.proto.pool.PoolMap map, int rank,
      List<Integer> targets) {
    PoolMapRank r = map.getRanksList().stream().filter(x -> x.getRank() == rank).findFirst().orElse(null);
    if (r == null) {
      return PoolQueryTargetResp.newBuilder().setStatus(DaosStatus.NONEXIST.code()).build();
    }
    List<Integer> idx = targets.isEmpty()
        ? java.util.stream.IntStream.range(0, r.getTargetsCount()).boxed().toList() : targets;
    PoolQueryTargetResp.Builder b = PoolQueryTargetResp.newBuilder();
    for (int i = 0; i < idx.size(); i++) {
      int t = idx.get(i);
      if (t < 0 || t >= r.getTargetsCount()) {
        return PoolQueryTargetResp.newBuilder().setStatus(DaosStatus.NONEXIST.code()).build();
      }
      PoolQueryTargetInfo.Builder info = resp != null && resp.getStatus() == 0 && resp.getInfosCount() > i
          ? resp.getInfos(i).toBuilder() : PoolQueryTargetInfo.newBuilder();
      b.addInfos(info.setState(targetState(r.getTargets(t).getState())));
    }
    return b.build();
  }

  /** Whether every target asked about (all when none) of {@code rank} is DOWN or DOWNOUT in {@code map}. */
  static boolean allFailed(io.daos.proto.pool.PoolMap map, int rank, List<Integer> targets) {
    for (PoolMapRank r : map.getRanksList()) {
      if (r.getRank() == rank) {
        return java.util.stream.IntStream.range(0, r.getTargetsCount())
            .filter(i -> targets.isEmpty() || targets.contains(i)).allMatch(i -> isFailed(r.getTargets(i)));
      }
    }
    return false;
  }

  /** A pool map state bit as daos_target_state_t. */
  static PoolQueryTargetInfo.TargetState targetState(int bit) {
    return switch (bit) {
      case 1 -> PoolQueryTargetInfo.TargetState.NEW;
      case 2 -> PoolQueryTargetInfo.TargetState.UP;
      case 4 -> PoolQueryTargetInfo.TargetState.UP_IN;
      case 8 -> PoolQueryTargetInfo.TargetState.DOWN;
      case 16 -> PoolQueryTargetInfo.TargetState.DOWN_OUT;
      case 32 -> PoolQueryTargetInfo.TargetState.DRAIN;
      default -> PoolQueryTargetInfo.TargetState.STATE_UNKNOWN;
    };
  }

  /** The service's pool map (POOL_TGT_QUERY_MAP at the leader). */
  io.daos.proto.pool.PoolMap map(UUID pool, List<Integer> svcRanks) {
    byte[] body = io.daos.proto.pool.PoolMapReq.newBuilder().setOp(RemotePoolSvc.op(pool)).build().toByteArray();
    io.daos.proto.pool.PoolMapReply r = svc.call(pool, svcRanks, PoolRpc.TGT_QUERY_MAP, body,
        io.daos.proto.pool.PoolMapReply::parseFrom, io.daos.proto.pool.PoolMapReply::getOp);
    if (r.getOp().getStatus() != 0) {
      throw new DaosException(DaosStatus.fromCode(r.getOp().getStatus()), "pool " + pool + ": the service "
          + "answered " + r.getOp().getStatus() + " when asked for its map");
    }
    return r.getMap();
  }

  static boolean isActive(PoolMapTarget t) {
    return (t.getState() & ACTIVE) != 0;
  }
}
