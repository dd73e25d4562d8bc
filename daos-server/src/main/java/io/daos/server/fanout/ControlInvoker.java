package io.daos.server.fanout;

import io.daos.proto.ctl.RanksReq;
import io.daos.proto.ctl.RanksResp;
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
   * Checks that each host's control plane answers (the MS leader's liveness check): one response per host, failed
   * if it did not answer within {@code deadline}. Invokers without a way to check report every host as answering.
   */
  default List<HostResponse> ping(List<String> hosts, Duration deadline) {
    return hosts.stream().map(h -> HostResponse.ok(h, RanksResp.getDefaultInstance())).toList();
  }

  /**
   * Sends MgmtSvc SystemErase to one MS replica (the leader erasing its peers).
   *
   * @return the host's response (an empty RanksResp on success: only success or the error matters)
   */
  default HostResponse systemErase(String host, String sys, Duration deadline) {
    return HostResponse.failed(host, new UnsupportedOperationException("SystemErase fan-out not supported"));
  }
}
