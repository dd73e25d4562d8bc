package io.daos.server.mgmt;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Makes the caller's IP address available to handlers (DAOS reads it from the gRPC peer for Join). */
public final class PeerAddress implements ServerInterceptor {
  static final Context.Key<String> PEER_IP = Context.key("daos-peer-ip");

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    SocketAddress sa = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    String ip = sa instanceof InetSocketAddress isa && isa.getAddress() != null ? isa.getAddress().getHostAddress()
        : null;
    return Contexts.interceptCall(Context.current().withValue(PEER_IP, ip), call, headers, next);
  }

  /** The current call's peer IP, or null. */
  static String current() {
    return PEER_IP.get();
  }
}
