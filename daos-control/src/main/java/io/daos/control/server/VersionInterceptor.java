package io.daos.control.server;

import io.daos.common.build.VersionedComponent;
import io.daos.control.DaosClientInterceptor;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Objects;
import java.util.Optional;

/**
 * DAOS's version interceptor: rejects a request from an incompatible peer (see {@link VersionCheck}) before
 * its handler runs. Install inside {@link ErrorAnnotationInterceptor} so rejections travel as faults.
 */
public final class VersionInterceptor implements ServerInterceptor {
  private final VersionedComponent self;
  private final PeerComponentResolver peers;

  public VersionInterceptor(VersionedComponent self, PeerComponentResolver peers) {
    this.self = Objects.requireNonNull(self, "self");
    this.peers = Objects.requireNonNull(peers, "peers");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String comp = headers.get(DaosClientInterceptor.COMPONENT_KEY);
    String ver = headers.get(DaosClientInterceptor.VERSION_KEY);
    Optional<String> cert = peers.componentOf(call);
    return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
      private boolean rejected;

      @Override
      public void onMessage(Q message) {
        if (rejected) {
          return;
        }
        try {
          VersionCheck.check(self, cert, comp, ver, message);
        } catch (RuntimeException e) {
          rejected = true;
          call.close(Status.UNKNOWN.withCause(e), new Metadata());
          return;
        }
        super.onMessage(message);
      }

      @Override
      public void onHalfClose() {
        if (!rejected) {
          super.onHalfClose();
        }
      }

      @Override
      public void onReady() {
        if (!rejected) {
          super.onReady();
        }
      }
    };
  }
}
