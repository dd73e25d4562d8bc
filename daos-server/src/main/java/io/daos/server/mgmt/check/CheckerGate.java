package io.daos.server.mgmt.check;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * DAOS's {@code unwrapCheckerReq}: while the checker is enabled, MgmtSvc refuses every request but the checker's own
 * and those it needs (join and cluster events, attach info, system query/start/stop/exclude, system properties,
 * pool list, leader query) with FaultCheckerEnabled. Install inside the error-annotation interceptor.
 */
public final class CheckerGate implements ServerInterceptor {
  private static final String SVC = "mgmt.MgmtSvc/";
  private static final Set<String> ALLOWED = Set.of("Join", "ClusterEvent", "GetAttachInfo", "SystemQuery",
      "SystemStop", "SystemStart", "SystemExclude", "SystemGetProp", "ListPools", "LeaderQuery");

  private final BooleanSupplier enabled;

  public CheckerGate(BooleanSupplier enabled) {
    this.enabled = enabled;
  }

  /** Whether {@code fullMethod} may run while the checker is enabled. */
  static boolean allowed(String fullMethod) {
    if (!fullMethod.startsWith(SVC)) {
      return true;
    }
    String m = fullMethod.substring(SVC.length());
    return ALLOWED.contains(m) || m.startsWith("SystemCheck");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    if (allowed(call.getMethodDescriptor().getFullMethodName()) || !enabled.getAsBoolean()) {
      return next.startCall(call, headers);
    }
    io.daos.common.fault.Fault f = CheckerFaults.enabled();
    call.close(Status.INTERNAL.withCause(f).withDescription(f.getMessage()), new Metadata());
    return new ServerCall.Listener<>() {
    };
  }
}
