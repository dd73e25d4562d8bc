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
  /** The system's CART-J peer key join replies carry. */
  public static final com.google.protobuf.ByteString FABRIC_KEY = com.google.protobuf.ByteString.copyFrom(new byte[32]);

  @Override
  public JoinResp join(JoinReq req, Duration timeout) {
    joins.add(req);
    int rank = req.getRank() == Rank.NIL.toUint32() ? nextRank.getAndIncrement() : req.getRank();
    return JoinResp.newBuilder().setRank(rank).setState(state).setMapVersion(7).setFabricKey(FABRIC_KEY)
        .build();
  }

  /** System properties the fake MS answers with (null: the MS cannot be reached). */
  public volatile java.util.Map<String, String> systemProps = java.util.Map.of("self_heal",
      "exclude;pool_exclude;pool_rebuild");

  @Override
  public void forwardEvent(RASEvent event) {
    events.add(event);
  }

  @Override
  public io.daos.proto.mgmt.SystemGetPropResp systemGetProp(io.daos.proto.mgmt.SystemGetPropReq req) {
    java.util.Map<String, String> p = systemProps;
    if (p == null) {
      throw new IllegalStateException("MS unreachable");
    }
    io.daos.proto.mgmt.SystemGetPropResp.Builder b = io.daos.proto.mgmt.SystemGetPropResp.newBuilder();
    req.getKeysList().stream().filter(p::containsKey).forEach(k -> b.putProperties(k, p.get(k)));
    return b.build();
  }
}
