package io.daos.cart.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.CartLimits;
import io.daos.cart.RpcFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

public class FrameCodecTest {
  private static final CartLimits LIMITS = new CartLimits(64 << 10, 2 << 20);

  record Case(String name, int body, int bulk) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> sizes() {
    return Stream.of(new Case("empty", 0, 0), new Case("body only", 100, 0), new Case("bulk only", 0, 4096),
        new Case("body and bulk", 300, 19456), new Case("1 MiB bulk", 64, 1 << 20));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sizes")
  void roundTrips(Case c) {
    byte[] body = bytes(c.body, 1);
    byte[] bulk = bytes(c.bulk, 2);
    RpcFrame sent = RpcFrame.request(0x040a0000, 77L, 3, 12, Unpooled.wrappedBuffer(body),
        Unpooled.wrappedBuffer(bulk));
    ByteBuf wire = encode(sent);
    assertEquals(RpcFrame.HEADER_SIZE + c.body + c.bulk, wire.readableBytes());
    assertEquals(RpcFrame.HEADER_SIZE - 4 + c.body + c.bulk, wire.getInt(0));
    assertEquals(RpcFrame.MAGIC, wire.getUnsignedShort(4));
    assertEquals(0x040a0000, wire.getInt(8));

    RpcFrame got = decodeInPieces(wire, 1000);
    assertEquals(0x040a0000, got.opcode());
    assertEquals(77L, got.rpcId());
    assertEquals(3, got.target());
    assertEquals(12, got.mapVersion());
    assertFalse(got.isReply());
    assertEquals(c.bulk > 0, (got.flags() & RpcFrame.FLAG_BULK) != 0);
    assertArrayEquals(body, copy(got.body()));
    assertArrayEquals(bulk, copy(got.bulk()));
    assertNotNull(got.bulk().unwrap(), "bulk must be a slice of the received buffer, not a copy");
    got.release();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sizes")
  void errorRepliesCarryStatusAndMapVersion(Case c) {
    RpcFrame req = RpcFrame.request(1, 5L, 0, 1, Unpooled.wrappedBuffer(bytes(c.body, 3)), null);
    RpcFrame got = decodeInPieces(encode(RpcFrame.error(req, 9, -1021)), 7);
    assertTrue(got.isReply() && got.isError());
    assertEquals(-1021, got.status());
    assertEquals(9, got.mapVersion());
    assertEquals(5L, got.rpcId());
    got.release();
    req.release();
  }

  record Bad(String name, int offset, int value, String reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Bad> malformed() {
    return Stream.of(new Bad("bad magic", 4, 0xdead0100, "bad magic"),
        new Bad("bad wire version", 4, RpcFrame.MAGIC << 16 | 9 << 8, "wire version 9"),
        new Bad("unknown flags", 4, RpcFrame.MAGIC << 16 | 1 << 8 | 0x80, "unknown flags"),
        new Bad("length disagrees", 0, 99, "disagrees"),
        new Bad("bulk flag without bulk", 4, RpcFrame.MAGIC << 16 | 1 << 8 | RpcFrame.FLAG_BULK, "has-bulk"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedFrameClosesTheConnection(Bad b) {
    ByteBuf wire = encode(RpcFrame.request(1, 1L, 0, 0, Unpooled.wrappedBuffer(bytes(10, 4)), null));
    wire.setInt(b.offset, b.value);
    EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(LIMITS, "test"));
    ch.writeInbound(wire);
    assertNull(ch.readInbound());
    assertFalse(ch.isOpen(), b.reason);
    ch.finishAndReleaseAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oversize")
  void oversizeFrameIsSkippedAndRefusedAloneAndTheNextOneDecodes(Oversize o) {
    RpcFrame big = new RpcFrame(o.reply ? RpcFrame.FLAG_REPLY : 0, 3, 7L, 1, 2, 0,
        Unpooled.wrappedBuffer(bytes(o.body, 1)), Unpooled.wrappedBuffer(bytes(o.bulk, 2)));
    ByteBuf wire = Unpooled.compositeBuffer().addComponents(true, encode(big),
        encode(RpcFrame.request(3, 8L, 1, 2, Unpooled.wrappedBuffer(bytes(10, 3)), null)));
    EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(LIMITS, "test"), FrameEncoder.INSTANCE);
    while (wire.isReadable()) {
      ch.writeInbound(wire.readRetainedSlice(Math.min(100_000, wire.readableBytes())));
    }
    wire.release();
    assertTrue(ch.isOpen());
    RpcFrame refused = o.reply ? ch.readInbound() : decodeInPieces(drain(ch), 1000);
    assertTrue(refused.isReply() && refused.isError());
    assertEquals(o.status.code(), refused.status());
    assertEquals(7L, refused.rpcId());
    refused.release();
    RpcFrame next = ch.readInbound();
    assertEquals(8L, next.rpcId());
    next.release();
    assertNull(ch.readInbound());
    ch.finishAndReleaseAll();
  }

  record Oversize(String name, boolean reply, int body, int bulk, io.daos.common.status.DaosStatus status) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Oversize> oversize() {
    io.daos.common.status.DaosStatus key = io.daos.common.status.DaosStatus.KEY2BIG;
    io.daos.common.status.DaosStatus rec = io.daos.common.status.DaosStatus.REC2BIG;
    return Stream.of(new Oversize("request body over limit", false, (64 << 10) + 1, 0, key),
        new Oversize("request bulk over limit", false, 10, 3 << 20, rec),
        new Oversize("reply body over limit", true, (64 << 10) + 1, 10, key),
        new Oversize("reply bulk over limit", true, 0, (2 << 20) + 1, rec));
  }

  /** What the channel wrote, as one buffer. */
  private static ByteBuf drain(EmbeddedChannel ch) {
    io.netty.buffer.CompositeByteBuf out = Unpooled.compositeBuffer();
    for (ByteBuf part = ch.readOutbound(); part != null; part = ch.readOutbound()) {
      out.addComponent(true, part);
    }
    return out;
  }

  @org.junit.jupiter.api.Test
  void theBulkGoesOutAsItIsAfterAHeaderThatCarriesTheBody() {
    ByteBuf bulk = io.netty.buffer.ByteBufAllocator.DEFAULT.directBuffer(1 << 20).writeZero(1 << 20);
    EmbeddedChannel ch = new EmbeddedChannel(FrameEncoder.INSTANCE);
    ch.writeOutbound(RpcFrame.request(1, 2L, 0, 0, Unpooled.wrappedBuffer(bytes(100, 3)), bulk));
    ByteBuf head = ch.readOutbound();
    ByteBuf sent = ch.readOutbound();
    assertTrue(head.isDirect(), "header and body in one direct buffer");
    assertEquals(RpcFrame.HEADER_SIZE + 100, head.readableBytes());
    assertTrue(sent == bulk, "the bulk buffer itself is written, not a copy");
    assertNull(ch.readOutbound());
    head.release();
    sent.release();
    ch.finish();
  }

  private static ByteBuf encode(RpcFrame f) {
    EmbeddedChannel ch = new EmbeddedChannel(FrameEncoder.INSTANCE);
    ch.writeOutbound(f);
    io.netty.buffer.CompositeByteBuf out = io.netty.buffer.Unpooled.compositeBuffer();
    for (ByteBuf part = ch.readOutbound(); part != null; part = ch.readOutbound()) {
      out.addComponent(true, part);
    }
    ch.finish();
    return out;
  }

  /** Feeds the decoder {@code piece} bytes at a time, as TCP may deliver them. */
  private static RpcFrame decodeInPieces(ByteBuf wire, int piece) {
    EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(LIMITS, "test"));
    while (wire.isReadable()) {
      ch.writeInbound(wire.readRetainedSlice(Math.min(piece, wire.readableBytes())));
    }
    wire.release();
    RpcFrame f = ch.readInbound();
    assertNotNull(f);
    assertNull(ch.readInbound());
    assertTrue(ch.isOpen());
    ch.finish();
    return f;
  }

  public static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static byte[] copy(ByteBuf b) {
    byte[] out = new byte[b.readableBytes()];
    b.getBytes(b.readerIndex(), out);
    return out;
  }
}
