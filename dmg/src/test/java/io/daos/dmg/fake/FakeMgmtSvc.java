package io.daos.dmg.fake;

import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import io.daos.proto.mgmt.LeaderQueryReq;
import io.daos.proto.mgmt.LeaderQueryResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.proto.mgmt.SystemQueryResp;
import io.daos.proto.mgmt.SystemStartReq;
import io.daos.proto.mgmt.SystemStartResp;
import io.daos.proto.mgmt.SystemStopReq;
import io.daos.proto.mgmt.SystemStopResp;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scripted MgmtSvc: each RPC answers with the configured response or error and records its request. */
public final class FakeMgmtSvc extends MgmtSvcGrpc.MgmtSvcImplBase {
  public final List<Object> requests = new CopyOnWriteArrayList<>();
  public volatile Object systemQuery = SystemQueryResp.getDefaultInstance();
  public volatile Object systemStop = SystemStopResp.getDefaultInstance();
  public volatile Object systemStart = SystemStartResp.getDefaultInstance();
  public volatile Object systemErase = io.daos.proto.mgmt.SystemEraseResp.getDefaultInstance();

  @Override
  public void systemErase(io.daos.proto.mgmt.SystemEraseReq req,
      StreamObserver<io.daos.proto.mgmt.SystemEraseResp> obs) {
    answer(req, systemErase, obs);
  }
  public volatile Object leaderQuery = LeaderQueryResp.getDefaultInstance();
  public volatile Object attachInfo = GetAttachInfoResp.getDefaultInstance();

  @Override
  public void systemQuery(SystemQueryReq req, StreamObserver<SystemQueryResp> obs) {
    answer(req, systemQuery, obs);
  }

  @Override
  public void systemStop(SystemStopReq req, StreamObserver<SystemStopResp> obs) {
    answer(req, systemStop, obs);
  }

  @Override
  public void systemStart(SystemStartReq req, StreamObserver<SystemStartResp> obs) {
    answer(req, systemStart, obs);
  }

  @Override
  public void leaderQuery(LeaderQueryReq req, StreamObserver<LeaderQueryResp> obs) {
    answer(req, leaderQuery, obs);
  }

  @Override
  public void getAttachInfo(GetAttachInfoReq req, StreamObserver<GetAttachInfoResp> obs) {
    answer(req, attachInfo, obs);
  }

  @SuppressWarnings("unchecked")
  <R> void answer(Object req, Object scripted, StreamObserver<R> obs) {
    requests.add(req);
    if (scripted instanceof Throwable t) {
      obs.onError(t);
      return;
    }
    obs.onNext((R) scripted);
    obs.onCompleted();
  }
}
