package io.daos.control;

import io.daos.common.build.BuildInfo;
import io.daos.common.build.Component;
import io.daos.common.build.Version;
import io.daos.common.fault.Fault;
import io.daos.control.errors.GrpcErrors;
import io.daos.control.errors.NotLeaderException;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.Objects;

/**
 * The client side of DAOS's gRPC conventions, for one target: adds {@code x-daos-component} and
 * {@code x-daos-version} to every call, and turns failed calls back into typed errors, attached as the
 * status's cause ({@link GrpcErrors#fromStatusRuntimeException} returns them): DAOS ErrorInfo details become
 * {@link Fault}/{@code DaosException}/{@link NotLeaderException}/..., transport failures become client
 * connection faults.
 */
public final class DaosClientInterceptor implements ClientInterceptor {
  public static final Metadata.Key<String> COMPONENT_KEY =
      Metadata.Key.of(BuildInfo.COMPONENT_HEADER, Metadata.ASCII_STRING_MARSHALLER);
  public static final Metadata.Key<String> VERSION_KEY =
      Metadata.Key.of(BuildInfo.VERSION_HEADER, Metadata.ASCII_STRING_MARSHALLER);

  private final Component component;
  private final Version version;
  private final String target;

  public DaosClientInterceptor(Component component, Version version, String target) {
    if (component == Component.ANY) {
      throw new IllegalArgumentException("component cannot be ANY: say which component is calling");
    }
    this.component = Objects.requireNonNull(component, "component");
    this.version = Objects.requireNonNull(version, "version");
    this.target = Objects.requireNonNull(target, "target");
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        if (!headers.containsKey(COMPONENT_KEY)) {
          headers.put(COMPONENT_KEY, component.wireName());
          headers.put(VERSION_KEY, version.toString());
        }
        super.start(new SimpleForwardingClientCallListener<>(listener) {
          @Override
          public void onClose(Status status, Metadata trailers) {
            super.onClose(translate(status, trailers), trailers);
          }
        }, headers);
      }
    };
  }

  private Status translate(Status status, Metadata trailers) {
    if (status.isOk()) {
      return status;
    }
    RuntimeException typed = GrpcErrors.fromStatus(status, trailers);
    if (GrpcErrors.isTyped(typed) && !(typed instanceof io.grpc.StatusRuntimeException)) {
      return status.withCause(typed);
    }
    Fault conn = ConnectionFaults.fromStatus(status, target);
    return conn == null ? status : status.withCause(conn);
  }
}
