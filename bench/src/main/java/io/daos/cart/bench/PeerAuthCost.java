package io.daos.cart.bench;

import io.daos.cart.CartClient;
import io.daos.cart.CartServer;
import io.daos.cart.PeerAuth;
import io.daos.cart.transport.CartTransports;
import io.daos.rpc.DtxRpc;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.Locale;

/**
 * What CART-J peer authentication costs, at queue depth 1 over TCP, with and without the key in the same run:
 * a new connection plus its first 64-byte server-only RPC (connect + handshake + RPC; a fresh client each time),
 * and then 64-byte server-only round trips on the proven connection (the per-frame cost: one set lookup and one
 * volatile read in the gate, no MAC). Prints one JSON object.
 *
 * <p>Usage: {@code PeerAuthCost [measureMs] [warmupMs]} (defaults 3000 and 1000).
 */
public final class PeerAuthCost {
  private static final int SMALL = 64;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private PeerAuthCost() { }

  public static void main(String[] args) throws Exception {
    long measure = args.length > 0 ? Long.parseLong(args[0]) : 3000;
    long warmup = args.length > 1 ? Long.parseLong(args[1]) : 1000;
    byte[] key = new byte[PeerAuth.KEY_SIZE];
    new java.security.SecureRandom().nextBytes(key);
    BenchResult[] open = run(null, warmup, measure);
    BenchResult[] keyed = run(key, warmup, measure);
    System.out.println(String.format(Locale.ROOT, "{\"transport\": \"%s\", \"qd\": 1,%n"
        + " \"no_auth\": {\"connect_and_first_rpc\": %s, \"rpc_64B\": %s},%n"
        + " \"peer_auth\": {\"connect_and_first_rpc\": %s, \"rpc_64B\": %s},%n"
        + " \"ratio_auth_over_none_us\": {\"connect_and_first_rpc\": %.2f, \"rpc_64B\": %.2f}}",
        CartTransports.tcp(), open[0].json(), open[1].json(), keyed[0].json(), keyed[1].json(),
        keyed[0].usPerOp() / open[0].usPerOp(), keyed[1].usPerOp() / open[1].usPerOp()));
  }

  private static PeerAuth auth(String name, byte[] key) {
    if (key != null) {
      return PeerAuth.withKey(name, key);
    }
    PeerAuth a = PeerAuth.awaitingKey(name);
    a.open("benchmark baseline");
    return a;
  }

  private static BenchResult[] run(byte[] key, long warmup, long measure) throws Exception {
    ByteBuf small = Unpooled.directBuffer(SMALL).writeZero(SMALL);
    PeerAuth serverAuth = auth("bench-server", key);
    PeerAuth clientAuth = key == null ? null : PeerAuth.withKey("bench-client", key);
    try (CartServer server = CartServer.builder().transport(CartTransports.tcp()).uri("ofi+tcp://127.0.0.1:0")
        .name("bench").peerAuth(serverAuth).build()
        .register(DtxRpc.COMMIT, (req, r) -> r.ok(1, req.body().retainedDuplicate())).start();
        CartClient client = CartClient.builder().transport(CartTransports.tcp()).peerAuth(clientAuth).build()) {
      String uri = server.uri();
      BenchResult connect = BenchResult.run(SMALL, warmup, measure, () -> {
        try (CartClient fresh = CartClient.builder().transport(CartTransports.tcp()).peerAuth(clientAuth).build()) {
          fresh.callSync(uri, DtxRpc.COMMIT, 0, 1, small.retainedDuplicate(), null, TIMEOUT).close();
        }
      });
      BenchResult rpc = BenchResult.run(SMALL, warmup, measure, () -> client.callSync(uri, DtxRpc.COMMIT, 0, 1,
          small.retainedDuplicate(), null, TIMEOUT).close());
      return new BenchResult[] {connect, rpc};
    } finally {
      small.release();
    }
  }
}
