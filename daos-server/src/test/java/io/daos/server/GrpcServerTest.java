package io.daos.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrpcServerTest {
  /**
   * A server restarted in the same process binds the port its predecessor held: close returns only once the
   * listening socket is closed, also when the closing thread is interrupted (grpc-java's shutdown then returns at
   * once), and the interrupt is kept for the caller.
   */
  @Test
  void closeOnAnInterruptedThreadReleasesThePort() throws IOException {
    for (int i = 0; i < 20; i++) {
      GrpcServer s = new GrpcServer("127.0.0.1", 0, "daos_server",
          List.of(new HealthStatusManager().getHealthService().bindService()), null);
      s.start();
      int port = s.port();
      Thread.currentThread().interrupt();
      s.close();
      assertTrue(Thread.interrupted(), "the caller's interrupt is kept");
      try (ServerSocket again = new ServerSocket()) {
        again.setReuseAddress(true);
        again.bind(new InetSocketAddress("127.0.0.1", port));
      }
    }
  }
}
