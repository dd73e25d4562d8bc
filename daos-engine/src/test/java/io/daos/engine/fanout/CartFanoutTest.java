package io.daos.engine.fanout;

import io.daos.cart.transport.CartTransports;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.CartClient;
import io.daos.cart.CartServer;
import io.daos.cart.CartTransport;
import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every engine called at once, each outcome in the calls' order: a reply, an error status, or why none came. */
class CartFanoutTest {
  private static final Opcode OK = DaosModule.MGMT.opcode(0x71);
  private static final Opcode REFUSE = DaosModule.MGMT.opcode(0x72);
  private static final Opcode FAIL = DaosModule.MGMT.opcode(0x73);
  private static final Opcode SILENT = DaosModule.MGMT.opcode(0x74);

  private final CartTransport net = CartTransports.inMemory();
  private final CartServer server = CartServer.builder().transport(net).uri("ofi+tcp://127.0.0.1:0").name("s")
      .build()
      .register(OK, (req, r) -> r.ok(0, new byte[] {7}))
      .register(REFUSE, (req, r) -> r.reply(DaosStatus.NO_PERM.code(), 0, null, null))
      .register(FAIL, (req, r) -> r.error(DaosStatus.NOSPACE, 0))
      .register(SILENT, (req, r) -> { })
      .start();
  private final CartClient client = CartClient.builder().transport(net).name("c").build();

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void everyOutcomeInOrder() {
    String uri = server.uri();
    List<CartFanout.Outcome> out = new CartFanout(client).call(List.of(
        new CartFanout.Call(uri, OK, new byte[0]),
        new CartFanout.Call(uri, REFUSE, new byte[0]),
        new CartFanout.Call(uri, FAIL, new byte[0]),
        new CartFanout.Call(uri, SILENT, new byte[0]),
        new CartFanout.Call("ofi+tcp://127.0.0.1:1", OK, new byte[0])), Duration.ofMillis(200));
    assertTrue(out.get(0).replied());
    assertEquals(0, out.get(0).status());
    assertArrayEquals(new byte[] {7}, out.get(0).body());
    assertTrue(out.get(1).replied());
    assertEquals(DaosStatus.NO_PERM.code(), out.get(1).status());
    assertNull(out.get(1).body());
    assertFalse(out.get(2).replied());
    assertEquals(DaosStatus.NOSPACE.code(), out.get(2).status());
    assertEquals(DaosStatus.TIMEDOUT.code(), out.get(3).status());
    assertEquals(DaosStatus.UNREACH.code(), out.get(4).status());
    assertEquals(DaosStatus.UNREACH, out.get(4).failure().status());
  }
}
