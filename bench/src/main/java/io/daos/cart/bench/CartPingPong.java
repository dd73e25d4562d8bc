package io.daos.cart.bench;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.CartServer;
import io.daos.cart.CartTransport;
import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;
import io.daos.cart.transport.CartTransports;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;

/**
 * CART-J round trips at queue depth 1 next to raw Netty in the same run: 64-byte request/reply, and
 * 1 MiB bulk writes answered with a 64-byte ack. Prints one JSON object.
 *
 * <p>Usage: {@code CartPingPong [measureMs] [warmupMs]} (defaults 3000 and 1000).
 */
public final class CartPingPong {
  private static final Opcode PING = DaosModule.OBJ.opcode(0x100);
  private static final Opcode WRITE = DaosModule.OBJ.opcode(0x101);
  private static final int SMALL = 64;
  private static final int BULK = 1 << 20;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private CartPingPong() { }

  public static void main(String[] args) throws Exception {
    long measure = args.length > 0 ? Long.parseLong(args[0]) : 3000;
    long warmup = args.length > 1 ? Long.parseLong(args[1]) : 1000;
    ByteBuf small = Unpooled.directBuffer(SMALL).writeZero(SMALL);
    ByteBuf bulk = Unpooled.directBuffer(BULK).writeZero(BULK);
    BenchResult[] cart = cart(false, small, bulk, warmup, measure);
    BenchResult[] inline = cart(true, small, bulk, warmup, measure);
    BenchResult rawPing;
    BenchResult rawWrite;
    try (RawNettyPingPong raw = new RawNettyPingPong()) {
      rawPing = BenchResult.run(SMALL, warmup, measure, () -> raw.roundTrip(small));
      rawWrite = BenchResult.run(BULK, warmup, measure, () -> raw.roundTrip(bulk));
    }
    System.out.println(json(cart, inline, rawPing, rawWrite));
  }

  /** Ping and bulk write through CART-J; {@code inline} runs handlers on the I/O thread (no xstream hop). */
  private static BenchResult[] cart(boolean inline, ByteBuf small, ByteBuf bulk, long warmup, long measure)
      throws Exception {
    try (CartServer server = server(inline);
        CartClient client = CartClient.builder().transport(CartTransports.tcp()).build()) {
      String uri = server.uri();
      BenchResult ping = BenchResult.run(SMALL, warmup, measure, () -> client.callSync(uri, PING, 0, 1,
          small.retainedDuplicate(), null, TIMEOUT).close());
      BenchResult write = BenchResult.run(BULK, warmup, measure, () -> client.callSync(uri, WRITE, 0, 1,
          small.retainedDuplicate(), bulk.retainedDuplicate(), TIMEOUT).close());
      return new BenchResult[] {ping, write};
    }
  }

  private static CartServer server(boolean inline) {
    CartServer.Builder b = CartServer.builder().transport(CartTransports.tcp())
        .uri("ofi+tcp://127.0.0.1:0").name("bench").targets(1);
    if (inline) {
      b.targetExecutor(i -> Runnable::run);
    }
    return b.build()
        .register(PING, (req, r) -> r.ok(1, req.body().retainedDuplicate()))
        .register(WRITE, (req, r) -> {
          long sum = req.bulk().getLong(req.bulk().readerIndex());
          r.ok(1, Unpooled.buffer(SMALL).writeLong(sum).writeZero(SMALL - 8));
        }).start();
  }

  private static String json(BenchResult[] cart, BenchResult[] inline, BenchResult rp, BenchResult rw) {
    BenchResult cp = cart[0];
    BenchResult cw = cart[1];
    return String.format(java.util.Locale.ROOT, "{\"transport\": \"%s\", \"qd\": 1,%n"
        + " \"cartj\": {\"ping_64B\": %s, \"write_1MiB_bulk\": %s},%n"
        + " \"cartj_handler_on_io_thread\": {\"ping_64B\": %s, \"write_1MiB_bulk\": %s},%n"
        + " \"raw_netty\": {\"ping_64B\": %s, \"write_1MiB\": %s},%n"
        + " \"ratio_cartj_over_raw_us\": {\"ping_64B\": %.2f, \"write_1MiB\": %.2f}}",
        CartTransports.tcp(), cp.json(), cw.json(), inline[0].json(), inline[1].json(), rp.json(), rw.json(),
        cp.usPerOp() / rp.usPerOp(), cw.usPerOp() / rw.usPerOp());
  }
}
