package io.daos.cart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.netty.FrameCodecTest;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every CART-J transport must do; run by one tiny subclass per transport. */
public abstract class CartTransportBehaviour {
  protected static final Opcode ECHO = DaosModule.OBJ.opcode(0);
  protected static final Opcode WHO = DaosModule.OBJ.opcode(1);
  protected static final Duration T = Duration.ofSeconds(5);
  protected static final int SERVER_MAP = 42;

  protected CartServer server;
  protected CartClient client;
  protected final FaultInjection faults = new FaultInjection();
  protected final RpcCounters counters = new RpcCounters();
  protected final List<AutoCloseable> closeables = new ArrayList<>();

  /** The transport under test. */
  protected abstract CartTransport transport();

  /** A URI on this transport where nothing listens. */
  protected abstract String deadUri() throws Exception;

  @BeforeEach
  void startServer() {
    server = newServer(4).register(ECHO, CartTransportBehaviour::echo)
        .register(WHO, (req, r) -> r.ok(SERVER_MAP, Thread.currentThread().getName().getBytes())).start();
    client = CartClient.builder().transport(transport()).name("test-client").build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  protected CartServer newServer(int targets) {
    return CartServer.builder().transport(transport()).uri("ofi+tcp://127.0.0.1:0").name("srv")
        .targets(targets).mapVersion(() -> SERVER_MAP).faults(faults).counters(counters).build();
  }

  protected static void echo(CartRequest req, CartReplier r) {
    r.reply(req.mapVersion(), SERVER_MAP, req.body().retainedDuplicate(), req.bulk().retainedDuplicate());
  }

  protected CartReply call(Opcode op, int target, byte[] body, byte[] bulk) {
    return client.callSync(server.uri(), op, target, 7, Unpooled.wrappedBuffer(body),
        bulk == null ? null : Unpooled.wrappedBuffer(bulk), T);
  }

  protected DaosException failure(CompletableFuture<CartReply> f) {
    return assertThrows(DaosException.class, () -> CartClient.await(f));
  }

  @Test
  void requestAndReplyCarryBodyBulkAndMapVersions() {
    byte[] body = FrameCodecTest.bytes(100, 1);
    try (CartReply r = call(ECHO, 0, body, null)) {
      assertArrayEquals(body, r.bodyBytes());
      assertEquals(0, r.bulk().readableBytes());
      assertEquals(7, r.status(), "handler saw the caller's map version");
      assertEquals(SERVER_MAP, r.mapVersion());
    }
  }

  /** A server whose frames may carry 1 KiB of body and 4 KiB of bulk, echoing. */
  private CartServer smallServer() {
    CartServer small = CartServer.builder().transport(transport()).uri("ofi+tcp://127.0.0.1:0").name("small")
        .limits(new CartLimits(1024, 4096)).build().register(ECHO, CartTransportBehaviour::echo).start();
    closeables.add(small);
    return small;
  }

  @Test
  void requestOverTheClientsLimitsIsRefusedBeforeItIsSent() {
    CartServer small = smallServer();
    CartClient c = CartClient.builder().transport(transport()).name("tiny").limits(new CartLimits(16, 32)).build();
    closeables.add(c);
    assertEquals(DaosStatus.KEY2BIG, failure(c.callWrapped(small.uri(), ECHO, 0, 0, new byte[17], null, T)).status());
    assertEquals(DaosStatus.REC2BIG, failure(c.callWrapped(small.uri(), ECHO, 0, 0, null,
        java.nio.ByteBuffer.wrap(new byte[33]), T)).status());
    try (CartReply r = c.callSync(small.uri(), ECHO, 0, 0, null, null, T)) {
      assertEquals(0, r.status());
    }
  }

  @Test
  void requestOverTheServersLimitsIsRefusedAloneWhileOthersOnTheConnectionSucceed() {
    CartServer small = smallServer();
    List<CompletableFuture<CartReply>> ok = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ok.add(client.callWrapped(small.uri(), ECHO, 0, 0, new byte[] {(byte) i}, null, T));
      if (i == 40) {
        CompletableFuture<CartReply> body = client.callWrapped(small.uri(), ECHO, 0, 0, new byte[2048], null, T);
        CompletableFuture<CartReply> bulk = client.callWrapped(small.uri(), ECHO, 0, 0, null,
            java.nio.ByteBuffer.wrap(new byte[1 << 20]), T);
        assertEquals(DaosStatus.KEY2BIG, failure(body).status());
        assertEquals(DaosStatus.REC2BIG, failure(bulk).status());
      }
    }
    for (int i = 0; i < ok.size(); i++) {
      try (CartReply r = CartClient.await(ok.get(i))) {
        assertEquals(i, r.body().getByte(r.body().readerIndex()));
      }
    }
  }

  @Test
  void replyOverTheServersLimitsBecomesAnErrorForItsCallAlone() {
    CartServer small = smallServer();
    Opcode big = Opcode.of(4, 10, 62);
    small.register(big, (req, r) -> r.ok(0, new byte[4096]));
    assertEquals(DaosStatus.KEY2BIG, failure(client.callWrapped(small.uri(), big, 0, 0, null, null, T)).status());
    try (CartReply r = client.callSync(small.uri(), ECHO, 0, 0, null, null, T)) {
      assertEquals(0, r.status());
    }
  }

  @Test
  void oneMebibyteBulkTravelsBothWays() {
    byte[] bulk = FrameCodecTest.bytes(1 << 20, 2);
    try (CartReply r = call(ECHO, 1, new byte[0], bulk)) {
      assertEquals(1 << 20, r.bulk().readableBytes());
      byte[] back = new byte[1 << 20];
      r.bulk().getBytes(r.bulk().readerIndex(), back);
      assertArrayEquals(bulk, back);
    }
  }

  @Test
  void failPointAnswersItsStatusWithoutRunningTheHandler() {
    faults.arm(new FaultInjection.Fault(FaultInjection.Point.DAOS_SHARD_OBJ_RW_CRT_ERROR, DaosStatus.UNREACH,
        Duration.ZERO), List.of(ECHO));
    assertEquals(DaosStatus.UNREACH, assertThrows(DaosException.class, () -> call(ECHO, 0, new byte[0], null))
        .status());
    call(WHO, 0, new byte[0], null).close();
    assertEquals(0, counters.served(ECHO), "the handler did not run");
    assertEquals(1, counters.served(WHO));
    faults.disarm(List.of(ECHO));
    call(ECHO, 0, new byte[0], null).close();
    assertEquals(1, counters.served(ECHO));
  }

  @Test
  void lostRequestAndLostReplyTimeOut() {
    Duration shortWait = Duration.ofMillis(300);
    faults.arm(FaultInjection.Point.DAOS_DTX_LOST_RPC_REQUEST, List.of(ECHO));
    DaosException lostReq = assertThrows(DaosException.class, () -> client.callSync(server.uri(), ECHO, 0, 7,
        Unpooled.wrappedBuffer(new byte[1]), null, shortWait));
    assertEquals(DaosStatus.TIMEDOUT, lostReq.status());
    assertEquals(0, counters.served(ECHO));
    faults.arm(FaultInjection.Point.DAOS_DTX_LOST_RPC_REPLY, List.of(ECHO));
    DaosException lostReply = assertThrows(DaosException.class, () -> client.callSync(server.uri(), ECHO, 0, 7,
        Unpooled.wrappedBuffer(new byte[1]), null, shortWait));
    assertEquals(DaosStatus.TIMEDOUT, lostReply.status());
    assertEquals(1, counters.served(ECHO), "the handler ran, its reply was lost");
    faults.clear();
    call(ECHO, 0, new byte[0], null).close();
  }

  @Test
  void delayPointHoldsTheRequest() {
    faults.arm(new FaultInjection.Fault(FaultInjection.Point.DAOS_DTX_RESEND_DELAY1, DaosStatus.IO,
        Duration.ofMillis(200)), List.of(ECHO));
    long t0 = System.nanoTime();
    call(ECHO, 0, new byte[] {1}, null).close();
    assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(200).toNanos(), "delayed by the fault's value");
  }

  @Test
  void holdPointWaitsUntilDisarmed() throws Exception {
    faults.arm(FaultInjection.Point.DAOS_REBUILD_TGT_REBUILD_HANG, List.of(ECHO));
    CompletableFuture<CartReply> held = client.call(server.uri(), ECHO, 0, 7, Unpooled.wrappedBuffer(new byte[] {1}),
        null, Duration.ofSeconds(30));
    // A request sent after it on the same connection is answered while it is still held.
    call(WHO, 0, new byte[0], null).close();
    assertFalse(held.isDone(), "held while the fault is armed");
    assertEquals(0, counters.served(ECHO));
    faults.disarm(List.of(ECHO));
    try (CartReply r = held.get(30, TimeUnit.SECONDS)) {
      assertArrayEquals(new byte[] {1}, r.bodyBytes());
    }
    assertEquals(1, counters.served(ECHO), "the handler ran once the fault was disarmed");
  }

  @Test
  void netCountersFollowRequestsRepliesAndTimeouts() {
    RpcCounters mine = new RpcCounters();
    CartClient counted = CartClient.builder().transport(transport()).name("counted").counters(mine).build();
    closeables.add(counted);
    counted.callSync(server.uri(), ECHO, 0, 7, Unpooled.wrappedBuffer(new byte[1]), null, T).close();
    assertEquals(DaosStatus.UNREG, assertThrows(DaosException.class, () -> counted.callSync(server.uri(),
        Opcode.of(4, 10, 999), 0, 7, Unpooled.wrappedBuffer(new byte[1]), null, T)).status());
    faults.arm(FaultInjection.Point.DAOS_DTX_LOST_RPC_REQUEST, List.of(ECHO));
    assertEquals(DaosStatus.TIMEDOUT, assertThrows(DaosException.class, () -> counted.callSync(server.uri(), ECHO, 0,
        7, Unpooled.wrappedBuffer(new byte[1]), null, Duration.ofMillis(200))).status());
    java.util.Map<String, Long> srv = counters.counters();
    assertEquals(3, srv.get("hg_req_recv"), srv.toString());
    assertEquals(1, srv.get("cm_rpc_recv"), "only the first reached its handler: " + srv);
    assertEquals(2, srv.get("cm_rpc_replied"), "the dropped request got no reply: " + srv);
    assertEquals(0, counters.active());
    java.util.Map<String, Long> cli = mine.counters();
    assertEquals(3, cli.get("cm_rpc_sent"), cli.toString());
    assertEquals(1, cli.get("cm_rpc_completed"), cli.toString());
    assertEquals(2, cli.get("cm_rpc_completed_err"), cli.toString());
    assertEquals(1, cli.get("cm_rpc_timedout"), cli.toString());
    assertEquals(2, cli.get("hg_resp_recv"), cli.toString());
  }

  @Test
  void unregisteredOpcodeIsDerUnreg() {
    DaosException e = assertThrows(DaosException.class, () -> call(Opcode.of(4, 10, 999), 0, new byte[0], null));
    assertEquals(DaosStatus.UNREG, e.status());
  }

  @Test
  void missingTargetIsDerNonexist() {
    DaosException e = assertThrows(DaosException.class, () -> call(ECHO, 4, new byte[0], null));
    assertEquals(DaosStatus.NONEXIST, e.status());
  }

  @Test
  void handlerFailureBecomesErrorReply() {
    Opcode stale = Opcode.of(4, 10, 50);
    Opcode bug = Opcode.of(4, 10, 51);
    server.register(stale, (req, r) -> {
      throw new DaosException(DaosStatus.STALE, "map too old");
    });
    server.register(bug, (req, r) -> {
      throw new IllegalStateException("bug");
    });
    assertEquals(DaosStatus.STALE, assertThrows(DaosException.class, () -> call(stale, 0, new byte[0], null)).status());
    assertEquals(DaosStatus.MISC, assertThrows(DaosException.class, () -> call(bug, 0, new byte[0], null)).status());
  }

  @Test
  void handlerRunsOnItsTargetsExecutor() {
    for (int tgt = 0; tgt < 4; tgt++) {
      try (CartReply r = call(WHO, tgt, new byte[0], null)) {
        assertEquals("srv-tgt-" + tgt, new String(r.bodyBytes()));
      }
    }
  }

  @Test
  void pluggableTargetExecutors() {
    ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "mine"));
    closeables.add(pool::shutdownNow);
    CartServer s = CartServer.builder().transport(transport()).uri("ofi+tcp://127.0.0.1:0").targets(2)
        .targetExecutor(i -> pool).build().register(WHO, (req, r) -> r.ok(1, Thread.currentThread().getName()
            .getBytes())).start();
    closeables.add(s);
    try (CartReply r = client.callSync(s.uri(), WHO, 1, 0, null, null, T)) {
      assertEquals("mine", new String(r.bodyBytes()));
    }
  }

  @Test
  void manyInFlightCallsAnsweredOutOfOrder() throws Exception {
    int n = 200;
    Opcode hold = Opcode.of(4, 10, 60);
    List<Runnable> answers = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch all = new CountDownLatch(n);
    server.register(hold, (req, r) -> {
      ByteBuf body = req.body().retainedDuplicate();
      answers.add(() -> r.ok(SERVER_MAP, body));
      all.countDown();
    });
    List<CompletableFuture<CartReply>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(client.call(server.uri(), hold, i % 4, 1, Unpooled.copyInt(i), null, T));
    }
    assertTrue(all.await(5, TimeUnit.SECONDS));
    List<Runnable> reversed = new ArrayList<>(answers);
    Collections.reverse(reversed);
    reversed.forEach(Runnable::run);
    for (int i = 0; i < n; i++) {
      try (CartReply r = CartClient.await(calls.get(i))) {
        assertEquals(i, r.body().getInt(r.body().readerIndex()));
      }
    }
  }

  @Test
  void noReplyTimesOut() throws Exception {
    Opcode silent = Opcode.of(4, 10, 61);
    CompletableFuture<CartReplier> held = new CompletableFuture<>();
    server.register(silent, (req, r) -> held.complete(r));
    long t0 = System.nanoTime();
    DaosException e = failure(client.call(server.uri(), silent, 0, 0, null, null, Duration.ofMillis(150)));
    assertEquals(DaosStatus.TIMEDOUT, e.status());
    assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(140));
    held.get(5, TimeUnit.SECONDS).ok(1, new byte[] {1});
    try (CartReply r = call(ECHO, 0, new byte[] {2}, null)) {
      assertArrayEquals(new byte[] {2}, r.bodyBytes(), "a late reply is dropped, the connection still works");
    }
  }

  @Test
  void nothingListeningIsDerUnreach() throws Exception {
    DaosException e = failure(client.call(deadUri(), ECHO, 0, 0, null, null, T));
    assertEquals(DaosStatus.UNREACH, e.status());
  }

  @Test
  void serverGoingAwayFailsInFlightCallsWithDerUnreach() throws Exception {
    Opcode silent = Opcode.of(4, 10, 62);
    CountDownLatch arrived = new CountDownLatch(1);
    server.register(silent, (req, r) -> arrived.countDown());
    CompletableFuture<CartReply> f = client.call(server.uri(), silent, 0, 0, null, null, T);
    assertTrue(arrived.await(5, TimeUnit.SECONDS));
    server.close();
    assertEquals(DaosStatus.UNREACH, failure(f).status());
  }

  @Test
  void reconnectsToARestartedServer() {
    String uri = server.uri();
    call(ECHO, 0, new byte[0], null).close();
    server.close();
    server = CartServer.builder().transport(transport()).uri(uri).build().register(ECHO,
        CartTransportBehaviour::echo).start();
    CartReply r = CartClient.await(retryUntilUp(uri));
    assertEquals(SERVER_MAP, r.mapVersion());
    r.close();
  }

  /** The first call after a restart may still meet the old, dying connection. */
  private CompletableFuture<CartReply> retryUntilUp(String uri) {
    for (int i = 0; ; i++) {
      CompletableFuture<CartReply> f = client.call(uri, ECHO, 0, 0, null, null, T);
      try {
        CartClient.await(f).close();
        return client.call(uri, ECHO, 0, 0, null, null, T);
      } catch (DaosException e) {
        if (e.status() != DaosStatus.UNREACH || i > 50) {
          throw e;
        }
      }
    }
  }

  @Test
  void unsupportedProviderIsRefusedClearly() {
    DaosException e = assertThrows(DaosException.class, () -> CartServer.builder().transport(transport())
        .uri("ofi+cxi://127.0.0.1:0").build());
    assertTrue(e.getMessage().contains("set provider to one of [ofi+tcp, ofi+tcp;ofi_rxm]"), e.getMessage());
    DaosException c = failure(client.call("ucx+dc_x://127.0.0.1:1", ECHO, 0, 0, null, null, T));
    assertEquals(DaosStatus.INVAL, c.status());
  }

  @Test
  void closedClientRefusesCalls() {
    client.close();
    assertEquals(DaosStatus.SHUTDOWN, failure(client.call(server.uri(), ECHO, 0, 0, null, null, T)).status());
  }
}
