package io.daos.control.server;

import io.daos.security.Authorization;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DAOS's access interceptor (server/interceptors.go {@code checkAccess}), installed in secure mode only, innermost:
 * the caller's component comes from its certificate, and a method the component may not call is answered
 * PERMISSION_DENIED "access denied for *pkg.Req: {@code <component>} does not have permission to call
 * {@code <method>}" before the handler sees the request. A call without a TLS session is UNAUTHENTICATED.
 */
public final class AccessInterceptor implements ServerInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger(AccessInterceptor.class);
  private final PeerComponentResolver peers;

  public AccessInterceptor(PeerComponentResolver peers) {
    this.peers = Objects.requireNonNull(peers, "peers");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String method = "/" + call.getMethodDescriptor().getFullMethodName();
    var comp = peers.componentOf(call);
    if (comp.isEmpty()) {
      call.close(Status.UNAUTHENTICATED.withDescription("unable to verify client certificates"), new Metadata());
      return new ServerCall.Listener<>() { };
    }
    Authorization.Component c = Authorization.Component.fromCommonName(comp.get());
    if (!c.hasAccess(method)) {
      String msg = "access denied for " + goType(call.getMethodDescriptor()) + ": " + Authorization.denial(c, method);
      LOG.warn("{} (peer {})", msg, call.getAttributes().get(io.grpc.Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
      call.close(Status.PERMISSION_DENIED.withDescription(msg), new Metadata());
      return new ServerCall.Listener<>() { };
    }
    return next.startCall(call, headers);
  }

  /** The request type as Go's %T prints it, e.g. "*mgmt.PoolCreateReq". */
  private static String goType(MethodDescriptor<?, ?> m) {
    if (m.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> pm
        && pm.getMessagePrototype() instanceof com.google.protobuf.Message msg) {
      return "*" + msg.getDescriptorForType().getFullName();
    }
    return "request";
  }
}
