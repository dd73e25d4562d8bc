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

  public FakeServer() throws IOException {
    server = OkHttpServerBuilder.forPort(0, InsecureServerCredentials.create()).addService(mgmt).addService(ctl)
        .build().start();
  }

  public int port() {
    return server.getPort();
  }

  public String addr() {
    return "localhost:" + port();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }
}
