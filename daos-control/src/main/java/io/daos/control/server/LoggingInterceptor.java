package io.daos.control.server;

import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.TextFormat;
import io.daos.common.LogLimiter;
import io.daos.control.errors.GrpcErrors;
import io.daos.control.errors.MsErrors;
import io.daos.control.errors.NotLeaderException;
import io.daos.control.errors.NotReplicaException;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DAOS's logging interceptor (outermost): logs each failed RPC at ERROR with its decoded error and elapsed
 * time, except the "sentinel" errors that only steer clients (not leader, not replica, not ready); logs
 * requests and responses at DEBUG.
 */
public final class LoggingInterceptor implements ServerInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingInterceptor.class);
  /** A client decides how often a call fails; failures are rate-limited per method (keys: this service's methods). */
  private static final LogLimiter LOG_LIMIT = LogLimiter.perMinute();

  private final String identity;

  /** {@code identity} prefixes each message, e.g. "daos_server 10.0.0.1:10001". */
  public LoggingInterceptor(String identity) {
    this.identity = identity;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    long start = System.nanoTime();
    String method = call.getMethodDescriptor().getBareMethodName();
    ServerCall<Q, R> logged = new SimpleForwardingServerCall<>(call) {
      @Override
      public void sendMessage(R message) {
        if (LOG.isDebugEnabled()) {
          LOG.debug("{}: gRPC response for {}: {}", identity, method, brief(message));
        }
        super.sendMessage(message);
      }

      @Override
      public void close(Status status, Metadata trailers) {
        if (!status.isOk()) {
          logFailure(method, status, trailers, (System.nanoTime() - start) / 1_000_000);
        }
        super.close(status, trailers);
      }
    };
    return new SimpleForwardingServerCallListener<>(next.startCall(logged, headers)) {
      @Override
      public void onMessage(Q message) {
        if (LOG.isDebugEnabled()) {
          LOG.debug("{}: gRPC request {}: {}", identity, method, brief(message));
        }
        super.onMessage(message);
      }
    };
  }

  private void logFailure(String method, Status status, Metadata trailers, long elapsedMs) {
    RuntimeException err = GrpcErrors.fromStatus(status, trailers);
    if (isSentinel(err)) {
      LOG.debug("{}: gRPC handler for {} redirected the client: {}", identity, method, err.getMessage());
      return;
    }
    LOG_LIMIT.error(LOG, method, "{}: gRPC handler for {} failed: {} (elapsed: {} ms)", identity, method,
        GrpcErrors.errorString(err), elapsedMs);
  }

  private static String brief(Object message) {
    return message instanceof MessageOrBuilder m ? TextFormat.printer().emittingSingleLine(true).printToString(m) : String.valueOf(message);
  }

  static boolean isSentinel(Throwable err) {
    return err instanceof NotLeaderException || err instanceof NotReplicaException || MsErrors.isUnavailable(err);
  }
}
