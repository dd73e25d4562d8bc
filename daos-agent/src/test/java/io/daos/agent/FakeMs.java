package io.daos.agent;

import io.daos.common.build.BuildInfo;
import io.daos.common.build.Component;
import io.daos.control.ChannelFactory;
import io.daos.control.errors.GrpcErrors;
import io.daos.control.server.DaosServerInterceptors;
import io.daos.control.server.PeerComponentResolver;
import io.daos.proto.mgmt.ClientNetHint;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolEvictReq;
import io.daos.proto.mgmt.PoolEvictResp;
import io.daos.proto.mgmt.SystemCleanupReq;
import io.daos.proto.mgmt.SystemCleanupResp;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** An in-process MS serving GetAttachInfo, PoolEvict and SystemCleanup behind DAOS's server interceptors. */
public final class FakeMs extends MgmtSvcGrpc.MgmtSvcImplBase implements AutoCloseable {
  public static final String SYSTEM = "daos_server";

  public final List<GetAttachInfoReq> attachInfoCalls = new CopyOnWriteArrayList<>();
  public final List<PoolEvictReq> evictCalls = new CopyOnWriteArrayList<>();
  public final List<SystemCleanupReq> cleanupCalls = new CopyOnWriteArrayList<>();
  public volatile RuntimeException failWith;
  private final Server server;

  public FakeMs(String address) throws IOException {
    server = InProcessServerBuilder.forName(address).directExecutor().addService(DaosServerInterceptors.intercept(
        bindService(), "fake ms", BuildInfo.as(Component.SERVER), PeerComponentResolver.INSECURE)).build().start();
  }

  /** Channels to in-process servers named by their address. */
  public static ChannelFactory channels() {
    return (target, creds) -> InProcessChannelBuilder.forName(target).directExecutor().build();
  }

  /** What the MS answers: one engine on loopback, ofi+tcp. */
  public static GetAttachInfoResp answer(int dataVersion) {
    return GetAttachInfoResp.newBuilder().setSys(SYSTEM).setDataVersion(dataVersion)
        .addRankUris(GetAttachInfoResp.RankUri.newBuilder().setRank(0).setUri("ofi+tcp://127.0.0.1:31416")
            .setNumCtxs(2))
        .addMsRanks(0)
        .setClientNetHint(ClientNetHint.newBuilder().setProvider("ofi+tcp").setCrtTimeout(60).setSrvSrxSet(-1))
        .build();
  }

  @Override
  public void getAttachInfo(GetAttachInfoReq req, StreamObserver<GetAttachInfoResp> obs) {
    attachInfoCalls.add(req);
    if (failWith != null) {
      obs.onError(GrpcErrors.toStatusRuntimeException(failWith));
      return;
    }
    obs.onNext(answer(attachInfoCalls.size()));
    obs.onCompleted();
  }

  @Override
  public void poolEvict(PoolEvictReq req, StreamObserver<PoolEvictResp> obs) {
    evictCalls.add(req);
    obs.onNext(PoolEvictResp.newBuilder().setCount(req.getHandlesCount()).build());
    obs.onCompleted();
  }

  @Override
  public void systemCleanup(SystemCleanupReq req, StreamObserver<SystemCleanupResp> obs) {
    cleanupCalls.add(req);
    obs.onNext(SystemCleanupResp.getDefaultInstance());
    obs.onCompleted();
  }

  @Override
  public void close() {
    try {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
