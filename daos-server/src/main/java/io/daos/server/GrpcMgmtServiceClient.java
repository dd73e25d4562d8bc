package io.daos.server;

import io.daos.control.ControlClient;
import io.daos.control.RetryPolicy;
import io.daos.proto.mgmt.JoinReq;
import io.daos.proto.mgmt.JoinResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.shared.ClusterEventReq;
import io.daos.proto.shared.RASEvent;
import io.daos.server.engine.MgmtServiceClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The harness's way to the MS over gRPC (component "server"): Join through {@link ControlClient#invokeMs} to
 * the {@code mgmt_svc_replicas}, redirected and retried while there is no leader yet or the MS host refuses
 * connections ({@link RetryPolicy#JOIN}, DAOS: 10 s per try); RAS events go to
 * the leader as ClusterEvent (DAOS EventForwarder), logged and dropped on failure.
 */
final class GrpcMgmtServiceClient implements MgmtServiceClient {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcMgmtServiceClient.class);
  static final Duration JOIN_TRY_TIMEOUT = Duration.ofSeconds(10);
  static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

  private final ControlClient client;
  private final AtomicLong eventSeq = new AtomicLong();

  GrpcMgmtServiceClient(ControlClient client) {
    this.client = client;
  }

  @Override
  public JoinResp join(JoinReq req, Duration timeout) {
    return client.invokeMs(MgmtSvcGrpc.getJoinMethod(), req,
        RetryPolicy.JOIN.withTimeout(timeout).options().withPerTryTimeout(JOIN_TRY_TIMEOUT));
  }

  @Override
  public io.daos.proto.mgmt.SystemGetPropResp systemGetProp(io.daos.proto.mgmt.SystemGetPropReq req) {
    return client.invokeMs(MgmtSvcGrpc.getSystemGetPropMethod(), req, EVENT_TIMEOUT);
  }

  @Override
  public void forwardEvent(RASEvent event) {
    ClusterEventReq req = ClusterEventReq.newBuilder().setSequence(eventSeq.incrementAndGet()).setEvent(event).build();
    try {
      client.invokeMs(MgmtSvcGrpc.getClusterEventMethod(), req, EVENT_TIMEOUT);
    } catch (RuntimeException e) {
      LOG.warn("failed to forward RAS event {} (rank {}) to the MS: {}", event.getId(), event.getRank(),
          e.getMessage());
    }
  }
}
