package io.daos.engine.obj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.cart.CartClient;
import io.daos.cart.CartServer;
import io.daos.common.FakeTicker;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.cart.transport.CartTransports;
import io.daos.proto.cont.ContHdlLookupReply;
import io.daos.proto.pool.PoolOpReply;
import io.daos.rpc.ContRpc;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handle lookup waits out a pool service that has no leader yet (a replica that just restarted); the backoff
 * between rounds runs on a fake clock.
 */
class CartHandleLookupTest {
  private static final UUID POOL = UUID.randomUUID();
  private static final UUID CONT = UUID.randomUUID();
  private static final UUID HDL = UUID.randomUUID();

  private CartServer server;
  private final CartClient client = CartClient.builder().transport(CartTransports.tcp()).build();
  private final AtomicInteger calls = new AtomicInteger();
  private final FakeTicker ticker = new FakeTicker();

  @AfterEach
  void close() {
    client.close();
    if (server != null) {
      server.close();
    }
  }

  /** A service that answers DER_NOTLEADER {@code notLeader} times, then the handle. */
  private String service(int notLeader) {
    server = CartServer.builder().transport(CartTransports.tcp())
        .uri("ofi+tcp://127.0.0.1:0").name("svc").targets(1).build();
    server.register(ContRpc.TGT_QUERY, (req, reply) -> {
      int n = calls.incrementAndGet();
      ContHdlLookupReply.Builder b = ContHdlLookupReply.newBuilder();
      if (n <= notLeader) {
        b.setOp(PoolOpReply.newBuilder().setStatus(DaosStatus.NOTLEADER.code()));
      } else {
        b.setOp(PoolOpReply.newBuilder()).setContUuid(Uuids.toByteString(CONT))
            .setCapas(ContRpc.CAPA_READ_DATA).setFlags(ContRpc.COO_RO);
      }
      reply.ok(0, b.build().toByteArray());
    });
    server.start();
    return server.uri();
  }

  @Test
  void notLeaderWhileElecting_retriesUntilTheLeaderAnswers() {
    String uri = service(3);
    long start = ticker.nanoTime();
    ContHandle h = new CartHandleLookup(client, p -> List.of(uri), Duration.ofSeconds(5), ticker).lookup(POOL, HDL)
        .join();
    assertEquals(CONT, h.cont());
    assertEquals(4, calls.get());
    assertEquals(Duration.ofMillis(50 + 100 + 200), Duration.ofNanos(ticker.nanoTime() - start), "doubling backoff");
  }

  @Test
  void noLeaderWithinTheTimeout_isTimedOut() {
    String uri = service(Integer.MAX_VALUE);
    CompletionException e = assertThrows(CompletionException.class, () -> new CartHandleLookup(client,
        p -> List.of(uri), Duration.ofSeconds(5), ticker).lookup(POOL, HDL).join());
    assertEquals(DaosStatus.TIMEDOUT, ((DaosException) e.getCause()).status());
    // 50, 100, 200, 400, 800 ms, then 1 s (the cap) three times: a fourth second would pass the 5 s deadline.
    assertEquals(8, ticker.pauses());
    assertEquals(9, calls.get());
  }
}
