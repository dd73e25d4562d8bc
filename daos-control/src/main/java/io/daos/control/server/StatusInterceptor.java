package io.daos.control.server;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.control.ProtoFields;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.OptionalInt;

/**
 * DAOS's status interceptor: a response whose {@code int32 status} field is non-zero fails the RPC with
 * that DAOS status instead of being sent (so clients see an error, not a body). Install inside
 * {@link ErrorAnnotationInterceptor}, which turns the failure into ErrorInfo {@code proto.daos.DaosStatus}.
 */
public final class StatusInterceptor implements ServerInterceptor {
  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    return next.startCall(new SimpleForwardingServerCall<>(call) {
      private boolean failed;

      @Override
      public void sendMessage(R message) {
        OptionalInt status = ProtoFields.status(message);
        if (status.isPresent() && status.getAsInt() != 0) {
          failed = true;
          DaosException err = new DaosException(DaosStatus.fromCode(status.getAsInt()));
          super.close(Status.INTERNAL.withCause(err).withDescription(err.getMessage()), new Metadata());
          return;
        }
        super.sendMessage(message);
      }

      @Override
      public void close(Status status, Metadata trailers) {
        if (!failed) {
          super.close(status, trailers);
        }
      }
    }, headers);
  }
}
