package io.daos.server;

import io.daos.common.build.BuildInfo;
import io.daos.common.build.Component;
import io.daos.control.server.DaosServerInterceptors;
import io.daos.control.server.PeerComponentResolver;
import io.daos.control.server.TlsPeerComponentResolver;
import io.daos.control.server.TlsServerContexts;
import io.daos.security.tls.TlsIdentity;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control-plane gRPC server (DAOS server_utils.go): Netty on {@code control_addr} (or every interface)
 * and {@code port}, each service behind DAOS's interceptor chain (logging → error annotation → status →
 * version, and in secure mode DAOS's access check), with mutual TLS unless the transport is insecure.
 */
final class GrpcServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);

  private final Server server;

  /** {@code tls} null: insecure (DAOS allow_insecure), every caller trusted by its headers. */
  GrpcServer(String bindHost, int port, String identity, List<ServerServiceDefinition> services, TlsIdentity tls) {
    GrpcLogLimit.install();
    NettyServerBuilder b = NettyServerBuilder.forAddress(new InetSocketAddress(bindHost, port));
    PeerComponentResolver peers = PeerComponentResolver.INSECURE;
    if (tls != null) {
      b.sslContext(TlsServerContexts.server(tls));
      peers = TlsPeerComponentResolver.INSTANCE;
    }
    for (ServerServiceDefinition s : services) {
      b.addService(DaosServerInterceptors.intercept(s, identity, BuildInfo.as(Component.SERVER), peers, tls != null));
    }
    this.server = b.build();
  }

  void start() throws IOException {
    server.start();
    LOG.info("control plane listening on {}", server.getListenSockets());
  }

  /** The bound port (useful when configured as 0). */
  int port() {
    return server.getPort();
  }

  /**
   * Stops listening and ends every call, and returns only once the listening socket is closed, so that a server
   * started next on the same port can bind it. Waits even on an interrupted thread (grpc-java's shutdown returns
   * before its listener is closed when the caller is interrupted); the interrupt is kept for the caller.
   */
  @Override
  public void close() {
    boolean interrupted = Thread.interrupted();
    if (interrupted) {
      LOG.info("control plane closing on an interrupted thread; waiting for it to stop all the same");
    }
    try {
      server.shutdown();
      if (!awaitTermination()) {
        server.shutdownNow();
        if (!awaitTermination()) {
          LOG.warn("control plane on {} did not stop within {} s", server.getListenSockets(), 2 * STOP_WAIT_S);
        }
      }
    } finally {
      if (interrupted || Thread.interrupted()) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static final int STOP_WAIT_S = 5;

  private boolean awaitTermination() {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_S);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return server.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
