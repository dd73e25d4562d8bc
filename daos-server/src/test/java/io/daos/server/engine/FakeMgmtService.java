package io.daos.server.engine;

import io.daos.common.ranklist.Rank;
import io.daos.proto.mgmt.JoinReq;
import io.daos.proto.mgmt.JoinResp;
import io.daos.proto.shared.RASEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A recording MS: grants the asked rank, or the next free one (from 1) for 0xFFFFFFFF; keeps forwarded events. */
public final class FakeMgmtService implements MgmtServiceClient {
  public final List<JoinReq> joins = new CopyOnWriteArrayList<>();
  public final BlockingQueue<RASEvent> events = new LinkedBlockingQueue<>();
  private final AtomicInteger nextRank = new AtomicInteger(1);
  public volatile JoinResp.State state = JoinResp.State.IN;

  @Override
  public JoinResp join(JoinReq req, Duration timeout) {
    joins.add(req);
    int rank = req.getRank() == Rank.NIL.toUint32() ? nextRank.getAndIncrement() : req.getRank();
    return JoinResp.newBuilder().setRank(rank).setState(state).setMapVersion(7).build();
  }

  @Override
  public void forwardEvent(RASEvent event) {
    events.add(event);
  }
}
