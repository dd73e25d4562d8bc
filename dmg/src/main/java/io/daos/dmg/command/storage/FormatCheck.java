package io.daos.dmg.command.storage;

import io.daos.common.DaosException;
import io.daos.common.DaosStatus;
import io.daos.common.Fault;
import io.daos.common.FaultCode;
import io.daos.dmg.command.ControlInvoker;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.SystemQueryReq;
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

  static void check(ControlInvoker client, List<String> hosts) {
    SystemQueryReq req = SystemQueryReq.newBuilder().setSys(client.systemName()).setStateMask(0xFFFF).build();
    if (hosts.isEmpty()) {
      checkError(() -> client.invokeMs(MgmtSvcGrpc.getSystemQueryMethod(), req));
      return;
    }
    for (String host : hosts) {
      checkError(() -> client.invokeHost(MgmtSvcGrpc.getSystemQueryMethod(), req, host));
    }
  }

  private static void checkError(Runnable query) {
    try {
      query.run();
    } catch (RuntimeException e) {
      if (msUnavailable(e)) {
        return;
      }
      throw e;
    }
    throw RUNNING_SYSTEM;
  }

  static boolean msUnavailable(Throwable e) {
    if (e instanceof Fault f) {
      return "client".equals(f.domain()) || f.description().contains("unavailable");
    }
    if (e instanceof DaosException de) {
      return MS_UNAVAILABLE.contains(de.status());
    }
    String msg = String.valueOf(e.getMessage());
    return msg.contains("unavailable") || msg.contains("uninitialized");
  }
}
