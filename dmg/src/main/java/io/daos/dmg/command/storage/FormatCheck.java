package io.daos.dmg.command.storage;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.HostResult;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.proto.mgmt.SystemQueryResp;
import java.util.List;
import java.util.Set;

/**
 * DAOS's guard before formatting: if a management service answers a system query (for the whole system, or on
 * any host being formatted), a system is running and the format is refused.
 */
final class FormatCheck {
  static final Fault RUNNING_SYSTEM = new Fault("client", FaultCode.CLIENT_FORMAT_RUNNING_SYSTEM,
      "storage format invoked on a running system", "stop and erase the system, then retry the format operation");
  private static final Set<DaosStatus> MS_UNAVAILABLE = Set.of(DaosStatus.NOTLEADER, DaosStatus.NOTREPLICA,
      DaosStatus.UNINIT, DaosStatus.UNREACH);

  private FormatCheck() {
  }

  /**
   * Asks each host to be formatted (all configured hosts when none given) for the system membership; DAOS's
   * "fail on unavailable" query, so an unreachable or not-ready MS lets the format go on.
   */
  static void check(ControlInvoker client, List<String> hosts) {
    SystemQueryReq req = SystemQueryReq.newBuilder().setSys(client.systemName()).setStateMask(0xFFFF).build();
    for (HostResult<SystemQueryResp> r : client.invokeHosts(MgmtSvcGrpc.getSystemQueryMethod(), req, hosts)) {
      if (r.error() == null) {
        throw RUNNING_SYSTEM;
      }
      if (!msUnavailable(r.error())) {
        throw r.error() instanceof RuntimeException re ? re : new IllegalStateException(r.error());
      }
    }
  }

  static boolean msUnavailable(Throwable e) {
    if (e instanceof io.daos.control.errors.NotLeaderException || e instanceof io.daos.control.errors.NotReplicaException) {
      return true;
    }
    if (e instanceof Fault f) {
      return "client".equals(f.domain()) || f.description().contains("unavailable")
          || io.daos.control.errors.MsErrors.isUninitialized(f);
    }
    if (e instanceof DaosException de) {
      return MS_UNAVAILABLE.contains(de.status());
    }
    if (e instanceof io.grpc.StatusRuntimeException sre) {
      return sre.getStatus().getCode() == io.grpc.Status.Code.UNAVAILABLE
          || sre.getStatus().getCode() == io.grpc.Status.Code.UNIMPLEMENTED;
    }
    String msg = String.valueOf(e.getMessage());
    return msg.contains("unavailable") || msg.contains("uninitialized");
  }
}
