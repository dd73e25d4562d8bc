package io.daos.server.engine;

import io.daos.proto.mgmt.JoinReq;
import io.daos.proto.mgmt.JoinResp;
import io.daos.proto.shared.RASEvent;

/**
 * What the engine harness needs from the management service: joining an engine to the system and
 * forwarding RAS events (engine_died, ...) to the MS leader. The server implements it over gRPC to the MS
 * replicas (DAOS's Join with retry and its EventForwarder); tests use a fake.
 */
public interface MgmtServiceClient {
  /**
   * Joins an engine; retries while the MS is unreachable or has no leader, until {@code timeout} passes.
   *
   * @throws RuntimeException a Fault or DaosException when the MS refuses the join
   */
  JoinResp join(JoinReq req, java.time.Duration timeout);

  /** Sends a RAS event to the MS leader; never throws (failures are logged). */
  void forwardEvent(RASEvent event);

  /**
   * Reads system properties from the MS (for an engine's SRV_GET_SYS_PROPS, e.g. self_heal).
   *
   * @throws RuntimeException when the MS cannot answer
   */
  default io.daos.proto.mgmt.SystemGetPropResp systemGetProp(io.daos.proto.mgmt.SystemGetPropReq req) {
    throw new UnsupportedOperationException("this MS client cannot read system properties");
  }
}
