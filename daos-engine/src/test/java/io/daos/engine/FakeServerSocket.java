package io.daos.engine;

import io.daos.drpc.DrpcMethod;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.drpc.server.DrpcServer;
import io.daos.proto.srv.NotifyReadyReq;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A fake daos_server.sock in a directory that records the engine's NotifyReady call. */
final class FakeServerSocket implements AutoCloseable {
  private final CompletableFuture<NotifyReadyReq> ready = new CompletableFuture<>();
  private final DrpcServer server;

  private FakeServerSocket(Path dir) throws IOException {
    DrpcRegistry reg = new DrpcRegistry().register(DrpcMethod.SRV_NOTIFY_READY, (ctx, body) -> {
      ready.complete(NotifyReadyReq.parseFrom(body));
      return new byte[0];
    });
    server = DrpcServer.builder(dir.resolve("daos_server.sock"), reg).build();
    server.start();
  }

  /** Listens on {@code dir}/daos_server.sock. */
  static FakeServerSocket start(Path dir) throws IOException {
    return new FakeServerSocket(dir);
  }

  /** The first NotifyReady request, waiting up to {@code seconds} for it. */
  NotifyReadyReq awaitReady(long seconds) throws Exception {
    return ready.get(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    server.close();
  }
}
