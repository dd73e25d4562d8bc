package io.daos.server.mgmt;

import io.daos.proto.mgmt.ACLResp;
import io.daos.proto.mgmt.DeleteACLReq;
import io.daos.proto.mgmt.GetACLReq;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.ModifyACLReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import io.daos.proto.mgmt.JoinReq;
import io.daos.proto.mgmt.JoinResp;
import io.daos.proto.mgmt.LeaderQueryReq;
import io.daos.proto.mgmt.LeaderQueryResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.proto.mgmt.SystemQueryResp;
import io.daos.proto.mgmt.SystemStartReq;
import io.daos.proto.mgmt.SystemStartResp;
import io.daos.proto.mgmt.SystemStopReq;
import io.daos.proto.mgmt.SystemStopResp;
import io.daos.proto.shared.ClusterEventReq;
import io.daos.proto.shared.ClusterEventResp;
import io.daos.proto.mgmt.ListPoolsReq;
import io.daos.proto.mgmt.ListPoolsResp;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolCreateResp;
import io.daos.proto.mgmt.PoolDestroyReq;
import io.daos.proto.mgmt.PoolDestroyResp;
import io.daos.proto.mgmt.PoolQueryReq;
import io.daos.proto.mgmt.PoolQueryResp;
import io.daos.proto.mgmt.PoolEvictReq;
import io.daos.proto.mgmt.PoolEvictResp;
import io.daos.proto.mgmt.PoolGetPropReq;
import io.daos.proto.mgmt.PoolGetPropResp;
import io.daos.proto.mgmt.PoolQueryTargetReq;
import io.daos.proto.mgmt.PoolQueryTargetResp;
import io.daos.proto.mgmt.PoolSetPropReq;
import io.daos.proto.mgmt.PoolSetPropResp;
import io.daos.proto.mgmt.ContSetOwnerReq;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.SystemEraseReq;
import io.daos.proto.mgmt.SystemEraseResp;
import io.daos.proto.mgmt.SystemExcludeReq;
import io.daos.proto.mgmt.SystemExcludeResp;
import io.daos.proto.mgmt.SystemGetAttrReq;
import io.daos.proto.mgmt.SystemGetAttrResp;
import io.daos.proto.mgmt.SystemGetPropReq;
import io.daos.proto.mgmt.SystemGetPropResp;
import io.daos.proto.mgmt.SystemSetAttrReq;
import io.daos.proto.mgmt.SystemSetPropReq;
import io.daos.proto.mgmt.PoolDrainReq;
import io.daos.proto.mgmt.PoolDrainResp;
import io.daos.proto.mgmt.PoolExcludeReq;
import io.daos.proto.mgmt.PoolExcludeResp;
import io.daos.proto.mgmt.PoolExtendReq;
import io.daos.proto.mgmt.PoolExtendResp;
import io.daos.proto.mgmt.PoolReintReq;
import io.daos.proto.mgmt.PoolReintResp;
import io.daos.proto.mgmt.PoolRebuildStartReq;
import io.daos.proto.mgmt.PoolRebuildStopReq;
import io.daos.proto.mgmt.PoolSelfHealEvalReq;
import io.daos.proto.mgmt.SystemDrainReq;
import io.daos.proto.mgmt.SystemDrainResp;
import io.daos.proto.mgmt.SystemRebuildManageReq;
import io.daos.proto.mgmt.SystemRebuildManageResp;
import io.daos.proto.mgmt.SystemSelfHealEvalReq;
import io.daos.proto.mgmt.ListContReq;
import io.daos.proto.mgmt.ListContResp;
import io.daos.proto.mgmt.PoolUpgradeReq;
import io.daos.proto.mgmt.SystemCleanupReq;
import io.daos.proto.mgmt.SystemCleanupResp;
import io.daos.server.mgmt.system.CleanupHandler;
import io.daos.server.mgmt.pool.ContHandler;
import io.daos.server.mgmt.pool.PoolAclHandler;
import io.daos.server.mgmt.pool.PoolHandler;
import io.daos.server.mgmt.pool.PoolMapHandler;
import io.daos.server.mgmt.system.SystemPoolHandler;
import io.daos.server.mgmt.pool.PoolSvcHandler;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.mgmt.system.EraseHandler;
import io.daos.server.mgmt.system.ExcludeHandler;
import io.daos.server.mgmt.system.JoinHandler;
import io.daos.server.mgmt.system.RankControl;
import io.daos.server.mgmt.system.SystemAttrHandler;
import io.daos.server.mgmt.system.SystemHandler;
import io.daos.server.mgmt.check.CheckHandler;
import io.daos.server.mgmt.check.CheckerGate;
import io.daos.server.mgmt.check.FaultInjectHandler;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/**
 * The gRPC MgmtSvc: a thin adapter from protobuf calls to {@link SystemHandler}, {@link JoinHandler},
 * {@link RankControl}, {@link PoolHandler}, {@link PoolSvcHandler}, {@link PoolAclHandler}, {@link PoolMapHandler}
 * and {@link SystemPoolHandler}. Errors are passed on
 * as thrown; the error-annotation interceptor gives them DAOS's wire form. Methods not implemented here keep the
 * generated UNIMPLEMENTED answer.
 */
public final class MgmtService extends MgmtSvcGrpc.MgmtSvcImplBase {
  private final SystemHandler system;
  private final JoinHandler join;
  private final RankControl ranks;
  private final PoolHandler pools;
  private final ExcludeHandler exclude;
  private final SystemAttrHandler attrs;
  private final PoolSvcHandler poolSvc;
  private final EraseHandler erase;
  private final PoolAclHandler poolAcl;
  private final ContHandler conts;
  private final PoolMapHandler poolMap;
  private final SystemPoolHandler systemPools;
  private final CleanupHandler cleanup;
  private final CheckHandler check;
  private final FaultInjectHandler faults;
  private final boolean faultInjection;

  public MgmtService(MsContext ctx) {
    this.system = new SystemHandler(ctx);
    this.join = new JoinHandler(ctx);
    this.ranks = new RankControl(ctx);
    this.pools = new PoolHandler(ctx);
    this.exclude = new ExcludeHandler(ctx);
    this.attrs = new SystemAttrHandler(ctx);
    this.poolSvc = new PoolSvcHandler(ctx);
    this.erase = new EraseHandler(ctx);
    this.poolAcl = new PoolAclHandler(ctx);
    this.conts = new ContHandler(ctx);
    this.poolMap = new PoolMapHandler(ctx);
    this.systemPools = new SystemPoolHandler(ctx, pools, poolMap);
    this.cleanup = new CleanupHandler(ctx, poolSvc);
    this.check = new CheckHandler(ctx, ranks, java.time.Clock.systemUTC());
    this.faults = new FaultInjectHandler(ctx, java.time.Clock.systemUTC());
    this.faultInjection = FaultInjectHandler.enabled();
  }

  public PoolMapHandler poolMapHandler() {
    return poolMap;
  }

  public SystemPoolHandler systemPoolHandler() {
    return systemPools;
  }

  @Override
  public void poolExclude(PoolExcludeReq req, StreamObserver<PoolExcludeResp> obs) {
    answer(obs, () -> poolMap.poolExclude(req));
  }

  @Override
  public void poolDrain(PoolDrainReq req, StreamObserver<PoolDrainResp> obs) {
    answer(obs, () -> poolMap.poolDrain(req));
  }

  @Override
  public void poolReintegrate(PoolReintReq req, StreamObserver<PoolReintResp> obs) {
    answer(obs, () -> poolMap.poolReintegrate(req));
  }

  @Override
  public void poolExtend(PoolExtendReq req, StreamObserver<PoolExtendResp> obs) {
    answer(obs, () -> poolMap.poolExtend(req));
  }

  @Override
  public void poolRebuildStart(PoolRebuildStartReq req, StreamObserver<DaosResp> obs) {
    answer(obs, () -> poolMap.poolRebuildStart(req));
  }

  @Override
  public void poolRebuildStop(PoolRebuildStopReq req, StreamObserver<DaosResp> obs) {
    answer(obs, () -> poolMap.poolRebuildStop(req));
  }

  @Override
  public void poolSelfHealEval(PoolSelfHealEvalReq req, StreamObserver<DaosResp> obs) {
    answer(obs, () -> poolMap.poolSelfHealEval(req));
  }

  @Override
  public void systemDrain(SystemDrainReq req, StreamObserver<SystemDrainResp> obs) {
    answer(obs, () -> systemPools.systemDrain(req));
  }

  @Override
  public void systemRebuildManage(SystemRebuildManageReq req, StreamObserver<SystemRebuildManageResp> obs) {
    answer(obs, () -> systemPools.systemRebuildManage(req));
  }

  @Override
  public void systemSelfHealEval(SystemSelfHealEvalReq req, StreamObserver<DaosResp> obs) {
    answer(obs, () -> systemPools.systemSelfHealEval(req));
  }

  public EraseHandler eraseHandler() {
    return erase;
  }

  @Override
  public void systemErase(SystemEraseReq req, StreamObserver<SystemEraseResp> obs) {
    answer(obs, () -> erase.systemErase(req));
  }

  /** This service with the peer-address interceptor Join needs. */
  public ServerServiceDefinition definition() {
    return ServerInterceptors.intercept(this, new PeerAddress(), new CheckerGate(check::checkerEnabled));
  }

  public SystemHandler systemHandler() {
    return system;
  }

  public JoinHandler joinHandler() {
    return join;
  }

  public RankControl rankControl() {
    return ranks;
  }

  @Override
  public void join(JoinReq req, StreamObserver<JoinResp> obs) {
    String peer = PeerAddress.current();
    answer(obs, () -> join.join(req, peer));
  }

  @Override
  public void clusterEvent(ClusterEventReq req, StreamObserver<ClusterEventResp> obs) {
    answer(obs, () -> system.clusterEvent(req));
  }

  @Override
  public void leaderQuery(LeaderQueryReq req, StreamObserver<LeaderQueryResp> obs) {
    answer(obs, () -> system.leaderQuery(req));
  }

  @Override
  public void getAttachInfo(GetAttachInfoReq req, StreamObserver<GetAttachInfoResp> obs) {
    answer(obs, () -> system.getAttachInfo(req));
  }

  @Override
  public void systemQuery(SystemQueryReq req, StreamObserver<SystemQueryResp> obs) {
    answer(obs, () -> system.systemQuery(req));
  }

  @Override
  public void systemStop(SystemStopReq req, StreamObserver<SystemStopResp> obs) {
    answer(obs, () -> ranks.systemStop(req));
  }

  @Override
  public void systemStart(SystemStartReq req, StreamObserver<SystemStartResp> obs) {
    answer(obs, () -> ranks.systemStart(req));
  }

  @Override
  public void systemExclude(SystemExcludeReq req, StreamObserver<SystemExcludeResp> obs) {
    answer(obs, () -> exclude.systemExclude(req));
  }

  @Override
  public void systemSetAttr(SystemSetAttrReq req, StreamObserver<DaosResp> obs) {
    answer(obs, () -> attrs.systemSetAttr(req));
  }

  @Override
  public void systemGetAttr(SystemGetAttrReq req, StreamObserver<SystemGetAttrResp> obs) {
    answer(obs, () -> attrs.systemGetAttr(req));
  }

  @Override
  public void systemSetProp(SystemSetPropReq req, StreamObserver<DaosResp> obs) {
    answer(obs, () -> attrs.systemSetProp(req));
  }

  @Override
  public void systemGetProp(SystemGetPropReq req, StreamObserver<SystemGetPropResp> obs) {
    answer(obs, () -> attrs.systemGetProp(req));
  }

  public PoolHandler poolHandler() {
    return pools;
  }

  @Override
  public void poolCreate(PoolCreateReq req, StreamObserver<PoolCreateResp> obs) {
    answer(obs, () -> pools.poolCreate(req));
  }

  @Override
  public void poolDestroy(PoolDestroyReq req, StreamObserver<PoolDestroyResp> obs) {
    answer(obs, () -> pools.poolDestroy(req));
  }

  @Override
  public void listPools(ListPoolsReq req, StreamObserver<ListPoolsResp> obs) {
    answer(obs, () -> pools.listPools(req));
  }

  @Override
  public void poolQuery(PoolQueryReq req, StreamObserver<PoolQueryResp> obs) {
    answer(obs, () -> pools.poolQuery(req));
  }

  public PoolSvcHandler poolSvcHandler() {
    return poolSvc;
  }

  @Override
  public void poolGetProp(PoolGetPropReq req, StreamObserver<PoolGetPropResp> obs) {
    answer(obs, () -> poolSvc.poolGetProp(req));
  }

  @Override
  public void poolSetProp(PoolSetPropReq req, StreamObserver<PoolSetPropResp> obs) {
    answer(obs, () -> poolSvc.poolSetProp(req));
  }

  @Override
  public void poolEvict(PoolEvictReq req, StreamObserver<PoolEvictResp> obs) {
    answer(obs, () -> poolSvc.poolEvict(req));
  }

  @Override
  public void poolQueryTarget(PoolQueryTargetReq req, StreamObserver<PoolQueryTargetResp> obs) {
    answer(obs, () -> poolSvc.poolQueryTarget(req));
  }

  public PoolAclHandler poolAclHandler() {
    return poolAcl;
  }

  @Override
  public void contSetOwner(ContSetOwnerReq req, StreamObserver<DaosResp> obs) {
    answer(obs, () -> conts.contSetOwner(req));
  }

  @Override
  public void poolGetACL(GetACLReq req, StreamObserver<ACLResp> obs) {
    answer(obs, () -> poolAcl.poolGetAcl(req));
  }

  @Override
  public void poolOverwriteACL(ModifyACLReq req, StreamObserver<ACLResp> obs) {
    answer(obs, () -> poolAcl.poolOverwriteAcl(req));
  }

  @Override
  public void poolUpdateACL(ModifyACLReq req, StreamObserver<ACLResp> obs) {
    answer(obs, () -> poolAcl.poolUpdateAcl(req));
  }

  @Override
  public void poolDeleteACL(DeleteACLReq req, StreamObserver<ACLResp> obs) {
    answer(obs, () -> poolAcl.poolDeleteAcl(req));
  }

  public CleanupHandler cleanupHandler() {
    return cleanup;
  }

  @Override
  public void listContainers(ListContReq req, StreamObserver<ListContResp> obs) {
    answer(obs, () -> poolSvc.listContainers(req));
  }

  @Override
  public void poolUpgrade(PoolUpgradeReq req, StreamObserver<DaosResp> obs) {
    answer(obs, () -> poolSvc.poolUpgrade(req));
  }

  @Override
  public void systemCleanup(SystemCleanupReq req, StreamObserver<SystemCleanupResp> obs) {
    answer(obs, () -> cleanup.systemCleanup(req));
  }

  @Override
  public void systemCheckEnable(io.daos.proto.mgmt.CheckEnableReq req, StreamObserver<DaosResp> obs) {
    answer(obs, () -> check.enable(req));
  }

  @Override
  public void systemCheckDisable(io.daos.proto.mgmt.CheckDisableReq req, StreamObserver<DaosResp> obs) {
    answer(obs, () -> check.disable(req));
  }

  @Override
  public void systemCheckStart(io.daos.proto.mgmt.CheckStartReq req,
      StreamObserver<io.daos.proto.mgmt.CheckStartResp> obs) {
    answer(obs, () -> check.start(req));
  }

  @Override
  public void systemCheckStop(io.daos.proto.mgmt.CheckStopReq req,
      StreamObserver<io.daos.proto.mgmt.CheckStopResp> obs) {
    answer(obs, () -> check.stop(req));
  }

  @Override
  public void systemCheckQuery(io.daos.proto.mgmt.CheckQueryReq req,
      StreamObserver<io.daos.proto.mgmt.CheckQueryResp> obs) {
    answer(obs, () -> check.query(req));
  }

  @Override
  public void systemCheckSetPolicy(io.daos.proto.mgmt.CheckSetPolicyReq req, StreamObserver<DaosResp> obs) {
    answer(obs, () -> check.setPolicy(req));
  }

  @Override
  public void systemCheckGetPolicy(io.daos.proto.mgmt.CheckGetPolicyReq req,
      StreamObserver<io.daos.proto.mgmt.CheckGetPolicyResp> obs) {
    answer(obs, () -> check.getPolicy(req));
  }

  @Override
  public void systemCheckRepair(io.daos.proto.mgmt.CheckActReq req,
      StreamObserver<io.daos.proto.mgmt.CheckActResp> obs) {
    answer(obs, () -> check.repair(req));
  }

  @Override
  public void systemCheckEngineReport(io.daos.proto.shared.CheckReportReq req,
      StreamObserver<io.daos.proto.shared.CheckReportResp> obs) {
    answer(obs, () -> check.engineReport(req));
  }

  @Override
  public void faultInjectReport(io.daos.proto.chk.CheckReport req, StreamObserver<DaosResp> obs) {
    if (!faultInjection) {
      super.faultInjectReport(req, obs);
      return;
    }
    answer(obs, () -> faults.report(req));
  }

  @Override
  public void faultInjectPoolFault(io.daos.proto.chk.Fault req, StreamObserver<DaosResp> obs) {
    if (!faultInjection) {
      super.faultInjectPoolFault(req, obs);
      return;
    }
    answer(obs, () -> faults.poolFault(req));
  }

  @Override
  public void faultInjectMgmtPoolFault(io.daos.proto.chk.Fault req, StreamObserver<DaosResp> obs) {
    if (!faultInjection) {
      super.faultInjectMgmtPoolFault(req, obs);
      return;
    }
    answer(obs, () -> faults.mgmtPoolFault(req));
  }

  private static <T> void answer(StreamObserver<T> obs, Supplier<T> call) {
    T resp;
    try {
      resp = call.get();
    } catch (RuntimeException e) {
      obs.onError(e);
      return;
    }
    obs.onNext(resp);
    obs.onCompleted();
  }
}
