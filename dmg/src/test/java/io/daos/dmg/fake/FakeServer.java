package io.daos.dmg.fake;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.okhttp.OkHttpServerBuilder;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** A real localhost gRPC server (okhttp transport, free port) hosting the fake CtlSvc and MgmtSvc. */
public final class FakeServer implements AutoCloseable {
  public final FakeMgmtSvc mgmt = new FakeMgmtSvc();
  public final FakeCtlSvc ctl = new FakeCtlSvc();
  private final Server server;
  private final int port;

  public FakeServer() throws IOException {
    server = OkHttpServerBuilder.forPort(0, InsecureServerCredentials.create()).addService(mgmt).addService(ctl)
        .build().start();
    port = server.getPort();
  }

  public int port() {
    return port;
  }

  public String addr() {
    return "localhost:" + port();
  }

  @Override
  public void close() throws InterruptedException {
    if (server.isShutdown()) {
      return;
    }
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }
}
