package io.daos.engine.mgmt;

import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import com.google.protobuf.ByteString;
import io.daos.engine.pool.svc.PoolInit;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolCreateResp;
import io.daos.proto.tgt.RsvcStartReply;
import io.daos.proto.tgt.RsvcStartReq;
import io.daos.proto.tgt.TgtCreateReply;
import io.daos.proto.tgt.TgtCreateReq;
import io.daos.proto.tgt.TgtDestroyReply;
import io.daos.proto.tgt.TgtDestroyReq;
import io.daos.rpc.MgmtRpc;
import io.daos.rpc.RsvcRpc;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pool create and destroy as the engine that got the dRPC from daos_server runs them (DAOS
 * {@code ds_mgmt_create_pool} and {@code ds_mgmt_destroy_pool}): MGMT_TGT_CREATE to every pool rank at once (this
 * engine's own rank included), then RSVC_START to the service ranks; if any rank fails either step, MGMT_TGT_DESTROY
 * to every pool rank undoes what was created and the create answers the first failed rank's status (DER_UNREACH,
 * DER_TIMEDOUT, DER_OOG, or the rank's own). Destroy sends MGMT_TGT_DESTROY to every rank it is given.
 */
final class PoolFanout {
  /** RSVC_START waits for a Raft election and the first commit: never less than this. */
  static final Duration MIN_SVC_START_TIMEOUT = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(PoolFanout.class);

  private final String name;
  private final RankCalls calls;
  private final Duration timeout;

  PoolFanout(String name, RankCalls calls, Duration timeout) {
    this.name = name;
    this.calls = calls;
    this.timeout = timeout;
  }

  /** {@code req} is the MS's request (ranks, per-rank tier_bytes, svc_list property); {@code self} this rank. */
  PoolCreateResp create(PoolCreateReq req, int self) {
    UUID pool = LocalPoolOps.uuid(req.getUuid());
    List<Integer> ranks = req.getRanksCount() == 0 ? List.of(self) : req.getRanksList();
    long scm = req.getMemRatio() > 0 ? (long) (req.getTierBytes(0) * (double) req.getMemRatio()) : req.getTierBytes(0);
    TgtCreateReq tgt = TgtCreateReq.newBuilder().setPoolUuid(Uuids.toByteString(pool))
        .setScmSize(scm).setNvmeSize(req.getTierBytes(1)).setMetaSize(req.getMemRatio() > 0 ? req.getTierBytes(0) : 0)
        .build();
    if (!calls.awaitKnown(ranks, Duration.ofMillis(LocalPoolOps.URI_WAIT_MS))) {
      LOG.warn("{}: pool {}: the group map does not name every rank of {} yet", name, pool, ranks);
    }
    Map<Integer, RankCalls.Outcome<TgtCreateReply>> created = calls.call(ranks, MgmtRpc.TGT_CREATE,
        tgt.toByteArray(), createTimeout(scm + req.getTierBytes(1), timeout), TgtCreateReply::parseFrom,
        TgtCreateReply::getStatus);
    Optional<RankCalls.Outcome<TgtCreateReply>> bad = RankCalls.firstFailure(created);
    if (bad.isPresent()) {
      return undo(pool, ranks, "creating targets", created, bad.get());
    }
    LOG.info("{}: pool {}: targets created on {} ranks", name, pool, ranks.size());
    List<Integer> svc = PoolInit.svcRanks(req);
    int leader = svc.isEmpty() ? self : svc.get(0);
    if (!svc.isEmpty()) {
      Map<Integer, RankCalls.Outcome<RsvcStartReply>> started = calls.call(svc, RsvcRpc.START,
          RsvcStartReq.newBuilder().setCreate(req).build().toByteArray(), svcTimeout(), RsvcStartReply::parseFrom,
          RsvcStartReply::getStatus);
      Optional<RankCalls.Outcome<RsvcStartReply>> badSvc = RankCalls.firstFailure(started);
      if (badSvc.isPresent()) {
        return undo(pool, ranks, "starting the pool service", started, badSvc.get());
      }
      leader = started.values().stream().map(RankCalls.Outcome::reply).filter(RsvcStartReply::getLeaderKnown)
          .map(RsvcStartReply::getLeader).filter(svc::contains).findFirst().orElse(leader);
    }
    TgtCreateReply any = created.values().iterator().next().reply();
    return PoolCreateResp.newBuilder().setSvcLdr(leader).addAllSvcReps(svc.isEmpty() ? List.of(self) : svc)
        .addAllTgtRanks(ranks).addTierBytes(any.getScmBytes()).addTierBytes(any.getNvmeBytes())
        .setMemFileBytes(req.getMemRatio() > 0 ? any.getScmBytes() : 0).build();
  }

  /**
   * MGMT_TGT_CREATE of {@code pool} to {@code ranks} (DAOS {@code ds_mgmt_tgt_pool_create_ranks}, as pool extend
   * runs it): 0 when every rank has its targets, else the first failed rank's status after MGMT_TGT_DESTROY to those
   * ranks has undone what was created.
   */
  int createTargets(UUID pool, List<Integer> ranks, long scm, long nvme, long meta) {
    TgtCreateReq tgt = TgtCreateReq.newBuilder().setPoolUuid(Uuids.toByteString(pool)).setScmSize(scm)
        .setNvmeSize(nvme).setMetaSize(meta).build();
    if (!calls.awaitKnown(ranks, Duration.ofMillis(LocalPoolOps.URI_WAIT_MS))) {
      LOG.warn("{}: pool {}: the group map does not name every rank of {} yet", name, pool, ranks);
    }
    Map<Integer, RankCalls.Outcome<TgtCreateReply>> created = calls.call(ranks, MgmtRpc.TGT_CREATE,
        tgt.toByteArray(), createTimeout(scm + nvme, timeout), TgtCreateReply::parseFrom, TgtCreateReply::getStatus);
    Optional<RankCalls.Outcome<TgtCreateReply>> bad = RankCalls.firstFailure(created);
    if (bad.isEmpty()) {
      LOG.info("{}: pool {}: targets created on ranks {}", name, pool, ranks);
      return 0;
    }
    LOG.error("{}: pool {}: creating targets failed on {}; cleaning up", name, pool, failures(created));
    int rc = destroy(pool, ranks);
    if (rc != 0) {
      LOG.error("{}: pool {}: failed to clean up the new ranks' targets: {}", name, pool, DaosStatus.fromCode(rc));
    }
    return bad.get().status();
  }

  /** MGMT_TGT_DESTROY to {@code ranks}; the first failed rank's status, or 0. */
  int destroy(UUID pool, Collection<Integer> ranks) {
    TgtDestroyReq req = TgtDestroyReq.newBuilder().setPoolUuid(Uuids.toByteString(pool)).build();
    Map<Integer, RankCalls.Outcome<TgtDestroyReply>> out = calls.call(ranks, MgmtRpc.TGT_DESTROY, req.toByteArray(),
        timeout, TgtDestroyReply::parseFrom, TgtDestroyReply::getStatus);
    Optional<RankCalls.Outcome<TgtDestroyReply>> bad = RankCalls.firstFailure(out);
    bad.ifPresent(b -> LOG.error("{}: pool {}: destroying targets failed on {}", name, pool, failures(out)));
    return bad.map(RankCalls.Outcome::status).orElse(0);
  }

  private <T> PoolCreateResp undo(UUID pool, List<Integer> ranks, String step, Map<Integer, RankCalls.Outcome<T>> out,
      RankCalls.Outcome<T> first) {
    LOG.error("{}: pool {}: {} failed on {}; cleaning up", name, pool, step, failures(out));
    int rc = destroy(pool, ranks);
    if (rc != 0) {
      LOG.error("{}: pool {}: failed to clean up after the failed create: {}", name, pool, DaosStatus.fromCode(rc));
    }
    return PoolCreateResp.newBuilder().setStatus(first.status()).build();
  }

  private static <T> String failures(Map<Integer, RankCalls.Outcome<T>> out) {
    return out.values().stream().filter(o -> !o.ok()).map(Object::toString).toList().toString();
  }

  /**
   * MGMT_TGT_CREATE's timeout, as DAOS's pool_create_rpc_timeout: target creation reserves (and on tmpfs writes)
   * each target's space, so bigger pools get longer: 15 s below 32 GiB per rank, 30 s below 64, 60 s below 128,
   * else 90 s, and never less than the default RPC timeout.
   */
  static Duration createTimeout(long bytesPerRank, Duration dflt) {
    long gib = bytesPerRank >> 30;
    Duration t = Duration.ofSeconds(gib < 32 ? 15 : gib < 64 ? 30 : gib < 128 ? 60 : 90);
    return t.compareTo(dflt) > 0 ? t : dflt;
  }

  private Duration svcTimeout() {
    Duration d = timeout.plusMillis(LocalPoolOps.URI_WAIT_MS);
    return d.compareTo(MIN_SVC_START_TIMEOUT) < 0 ? MIN_SVC_START_TIMEOUT : d;
  }
}
