package io.daos.engine.mgmt;

import io.daos.cart.transport.CartTransports;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.cart.CartClient;
import io.daos.cart.CartServer;
import io.daos.cart.CartTransport;
import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosStatus;
import io.daos.common.FakeTicker;
import io.daos.proto.pool.PoolOpReply;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pause while a pool service elects its leader, taken on a fake clock. */
class PoolSvcClientTest {
  private static final Opcode OP = DaosModule.POOL.opcode(0x7f);

  private final CartTransport net = CartTransports.inMemory();
  private final AtomicInteger asked = new AtomicInteger();
  private final CartServer replica = CartServer.builder().transport(net).uri("ofi+tcp://127.0.0.1:0").name("r0")
      .build()
      .register(OP, (req, r) -> r.ok(0, PoolOpReply.newBuilder().setStatus(asked.incrementAndGet() < 3
          ? DaosStatus.NOTLEADER.code() : 0).build().toByteArray()))
      .start();
  private final CartClient client = CartClient.builder().transport(net).name("c").build();

  @AfterEach
  void stop() {
    client.close();
    replica.close();
  }

  @Test
  void aReplicaThatKnowsNoLeaderIsAskedAgainAfterAPause() {
    FakeTicker ticker = new FakeTicker();
    PoolSvcClient svc = new PoolSvcClient(client, r -> Optional.of(replica.uri()), Duration.ofSeconds(5), ticker);
    PoolOpReply reply = svc.call(UUID.randomUUID(), List.of(0), OP, new byte[0], PoolOpReply::parseFrom,
        Function.identity());
    assertEquals(0, reply.getStatus());
    assertEquals(3, asked.get());
    assertEquals(2, ticker.pauses(), "one election pause per answer without a leader");
  }

  /**
   * A replica still opening after its engine restarted answers DER_NOTREPLICA: it is asked again (beyond the try
   * budget, until the call's timeout) and its answer once open is the reply, as DAOS's dsc_pool_svc_call retries.
   */
  @Test
  void aReplicaThatIsStillOpeningIsAskedAgainUntilTheTimeout() {
    Opcode op = DaosModule.POOL.opcode(0x7d);
    AtomicInteger tries = new AtomicInteger();
    replica.register(op, (req, r) -> r.ok(0, PoolOpReply.newBuilder().setStatus(tries.incrementAndGet() < 8
        ? DaosStatus.NOTREPLICA.code() : 0).build().toByteArray()));
    FakeTicker ticker = new FakeTicker();
    PoolSvcClient svc = new PoolSvcClient(client, r -> Optional.of(replica.uri()), Duration.ofSeconds(5), ticker);
    PoolOpReply reply = svc.call(UUID.randomUUID(), List.of(0), op, new byte[0], PoolOpReply::parseFrom,
        Function.identity());
    assertEquals(0, reply.getStatus(), "the opened replica's answer");
    assertEquals(8, tries.get(), "more tries than the budget of 5 for one replica");
    assertEquals(7, ticker.pauses(), "a pause before each new try of the only replica");

    tries.set(-1_000);
    PoolOpReply never = new PoolSvcClient(client, r -> Optional.of(replica.uri()), Duration.ofSeconds(1),
        new FakeTicker()).call(UUID.randomUUID(), List.of(0), op, new byte[0], PoolOpReply::parseFrom,
        Function.identity());
    assertEquals(DaosStatus.NOTREPLICA.code(), never.getStatus(), "given up at the timeout, with the last answer");
  }

  /** The container service puts its status in CART's reply status too: that reply is an answer, not a failure. */
  @Test
  void anErrorStatusWithItsReplyIsTheAnswer() {
    Opcode cont = DaosModule.CONT.opcode(0x7e);
    byte[] nonexist = PoolOpReply.newBuilder().setStatus(DaosStatus.NONEXIST.code()).build().toByteArray();
    replica.register(cont, (req, r) -> r.reply(DaosStatus.NONEXIST.code(), 0,
        io.netty.buffer.Unpooled.wrappedBuffer(nonexist), null));
    PoolSvcClient svc = new PoolSvcClient(client, r -> Optional.of(replica.uri()), Duration.ofSeconds(5),
        new FakeTicker());
    PoolOpReply reply = svc.call(UUID.randomUUID(), List.of(0), cont, new byte[0], PoolOpReply::parseFrom,
        Function.identity());
    assertEquals(DaosStatus.NONEXIST.code(), reply.getStatus());
  }
}
