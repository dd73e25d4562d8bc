package io.daos.control.server;

import io.daos.control.errors.GrpcErrors;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * DAOS's error-annotation interceptor: any exception from a handler (thrown, or passed to
 * {@code onError}) leaves as the gRPC form {@link GrpcErrors#toStatusRuntimeException} gives it, so Go and
 * Java clients see typed faults, statuses and redirections. Status exceptions pass through unchanged.
 */
public final class ErrorAnnotationInterceptor implements ServerInterceptor {
  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    AnnotatingCall<Q, R> annotating = new AnnotatingCall<>(call);
    ServerCall.Listener<Q> delegate = next.startCall(annotating, headers);
    return new SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onMessage(Q message) {
        guard(() -> super.onMessage(message));
      }

      @Override
      public void onHalfClose() {
        guard(super::onHalfClose);
      }

      @Override
      public void onReady() {
        guard(super::onReady);
      }

      private void guard(Runnable r) {
        try {
          r.run();
        } catch (RuntimeException e) {
          annotating.fail(e);
        }
      }
    };
  }

  /** Rewrites failed closes whose cause is a typed (or unknown) error. */
  static final class AnnotatingCall<Q, R> extends SimpleForwardingServerCall<Q, R> {
    private final AtomicBoolean closed = new AtomicBoolean();

    AnnotatingCall(ServerCall<Q, R> delegate) {
      super(delegate);
    }

    void fail(Throwable t) {
      close(Status.UNKNOWN.withCause(t), new Metadata());
    }

    @Override
    public void close(Status status, Metadata trailers) {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      if (status.isOk() || status.getCause() == null || trailers.containsKey(DETAILS_KEY)) {
        super.close(status, trailers);
        return;
      }
      StatusRuntimeException sre = GrpcErrors.toStatusRuntimeException(status.getCause());
      if (sre.getTrailers() != null) {
        trailers.merge(sre.getTrailers());
      }
      super.close(sre.getStatus(), trailers);
    }
  }

  /** The trailer in which gRPC carries a google.rpc.Status (what Go's status.WithDetails fills). */
  static final Metadata.Key<com.google.rpc.Status> DETAILS_KEY = Metadata.Key.of("grpc-status-details-bin",
      ProtoUtils.metadataMarshaller(com.google.rpc.Status.getDefaultInstance()));
}
