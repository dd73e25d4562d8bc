package io.daos.server;

import io.daos.common.build.BuildInfo;
import io.daos.common.build.Component;
import io.daos.control.server.DaosServerInterceptors;
import io.daos.control.server.PeerComponentResolver;
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
 * version). Insecure transport only for now.
 */
final class GrpcServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);

  private final Server server;

  GrpcServer(String bindHost, int port, String identity, List<ServerServiceDefinition> services) {
    NettyServerBuilder b = NettyServerBuilder.forAddress(new InetSocketAddress(bindHost, port));
    for (ServerServiceDefinition s : services) {
      b.addService(DaosServerInterceptors.intercept(s, identity, BuildInfo.as(Component.SERVER),
          PeerComponentResolver.INSECURE));
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

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
