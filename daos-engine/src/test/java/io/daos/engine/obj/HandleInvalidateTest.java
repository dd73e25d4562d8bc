package io.daos.engine.obj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.protobuf.ByteString;
import io.daos.cart.CartClient;
import io.daos.cart.CartServer;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.cart.transport.CartTransports;
import io.daos.engine.cont.CartTargetDestroyer;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.TargetXstreams;
import io.daos.engine.vos.store.VosOptions;
import io.daos.rpc.ContRpc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A closed container handle reaches every engine over CART-J, which then forgets it (DAOS: IV invalidate). */
class HandleInvalidateTest {
  private static final UUID POOL = UUID.randomUUID();
  private static final UUID CONT = UUID.randomUUID();
  private static final UUID HDL = UUID.randomUUID();

  @TempDir
  Path scm;
  private final TargetXstreams xs = new TargetXstreams("test", 1);
  private final CartClient client = CartClient.builder().transport(CartTransports.tcp()).build();
  private CartServer server;

  @AfterEach
  void close() {
    client.close();
    if (server != null) {
      server.close();
    }
    xs.close();
  }

  @Test
  void closedHandleIsForgottenByTheEngine() {
    ContHandleCache cache = ContHandleCache.of((p, h) -> CompletableFuture.failedFuture(
        new DaosException(DaosStatus.NO_HDL, "the service has no handle " + h)));
    cache.put(POOL, new ContHandle(HDL, CONT, ContRpc.CAPA_WRITE_DATA | ContRpc.CAPA_READ_DATA, 0));
    ByteString hdl = Uuids.toByteString(HDL);
    cache.check(POOL, hdl, CONT, ContRpc.CAPA_WRITE_DATA);

    server = CartServer.builder().transport(CartTransports.tcp())
        .uri("ofi+tcp://127.0.0.1:0").name("engine").targets(1).build();
    PoolTargets pools = new PoolTargets(scm, xs, VosOptions.defaults());
    new ContTgtHandlers("engine", pools, cache, t -> Runnable::run, null).registerOn(server);
    server.start();
    new CartTargetDestroyer(client, p -> List.of(server.uri()), Duration.ofSeconds(5))
        .invalidateHandles(POOL, List.of(HDL));

    assertThrows(ContHandleCache.Miss.class, () -> cache.check(POOL, hdl, CONT, ContRpc.CAPA_WRITE_DATA),
        "the next I/O with the handle asks the service again");
    CompletionException e = assertThrows(CompletionException.class, () -> cache.resolve(POOL, HDL).join());
    assertEquals(DaosStatus.NO_HDL, ((DaosException) e.getCause()).status());
  }

  @Test
  void anEngineThatDoesNotAnswerDoesNotFailTheClose() {
    // Nothing listens on port 1: the invalidation is logged as unconfirmed, and the close goes on in bounded time.
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new CartTargetDestroyer(client,
        p -> List.of("ofi+tcp://127.0.0.1:1"), Duration.ofSeconds(5)).invalidateHandles(POOL, List.of(HDL)));
  }
}
