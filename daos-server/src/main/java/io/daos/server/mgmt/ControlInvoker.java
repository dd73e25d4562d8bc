package io.daos.server.mgmt;

import io.daos.proto.ctl.RanksReq;
import java.time.Duration;
import java.util.List;

/**
 * The MS's fan-out seam: sends one CtlSvc rank RPC to each host in parallel (as component "server") and
 * gathers one {@link HostResponse} per host; a host that cannot be reached gives an errored response rather
 * than failing the call. The server implements it over gRPC; tests script it with a fake.
 */
public interface ControlInvoker {
  /**
   * @param hosts control addresses ("ip:port") to send {@code req} to
   * @param deadline overall time allowed for all hosts
   * @return one response per host, in any order
   */
  List<HostResponse> invokeRanks(RanksMethod method, List<String> hosts, RanksReq req, Duration deadline);

  /**
   * Sends MgmtSvc SystemErase to one MS replica (the leader erasing its peers).
   *
   * @return the host's response (an empty RanksResp on success: only success or the error matters)
   */
  default HostResponse systemErase(String host, String sys, Duration deadline) {
    return HostResponse.failed(host, new UnsupportedOperationException("SystemErase fan-out not supported"));
  }
}
