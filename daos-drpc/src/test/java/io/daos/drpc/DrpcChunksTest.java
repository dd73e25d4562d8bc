package io.daos.drpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

public class DrpcChunksTest {
  private static final long MAX = DrpcChunks.DEFAULT_MAX_MESSAGE_SIZE;

  record SendCase(String name, int size, int chunks) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<SendCase> sendCases() {
    return Stream.of(
        new SendCase("empty message", 0, 1),
        new SendCase("small message", 1, 1),
        new SendCase("largest single chunk", DrpcChunks.MAX_DATA_SIZE, 1),
        new SendCase("smallest two chunks", DrpcChunks.MAX_DATA_SIZE + 1, 2),
        new SendCase("multi chunk", 1 << 20, 9));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sendCases")
  void TestDrpc_sendMsg(SendCase tc) throws Exception {
    byte[] msg = randomBytes(tc.size);
    List<ByteBuffer> chunks = DrpcChunks.encode(msg);
    assertEquals(tc.chunks, chunks.size());
    DrpcChunkAssembler asm = new DrpcChunkAssembler(MAX);
    byte[] got = null;
    for (int i = 0; i < chunks.size(); i++) {
      ByteBuffer c = chunks.get(i);
      assertTrue(c.remaining() <= DrpcChunks.MAX_CHUNK_SIZE);
      DrpcChunks.Header h = DrpcChunks.readHeader(c);
      assertEquals(new DrpcChunks.Header(tc.size, c.remaining() - 24, i, tc.chunks), h);
      got = asm.add(c);
      if (i < chunks.size() - 1) {
        assertNull(got);
      }
    }
    assertArrayEquals(msg, got);
  }

  @Test
  void headerIsLittleEndian() {
    ByteBuffer c = DrpcChunks.encode(new byte[] {7}).get(0).order(ByteOrder.BIG_ENDIAN);
    assertEquals(25, c.remaining());
    assertEquals(1, c.get(0)); // total_data_size, low byte first
    assertEquals(1, c.get(8)); // chunk_data_size
    assertEquals(0, c.getInt(16)); // chunk_idx
    assertEquals(1, c.get(20)); // total_chunks
    assertEquals(7, c.get(24));
  }

  record RecvCase(String name, UnaryOperator<List<ByteBuffer>> tamper, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<RecvCase> recvCases() {
    return Stream.of(
        new RecvCase("too small", c -> List.of(ByteBuffer.allocate(23)), "smaller than header"),
        new RecvCase("dropped first chunk", c -> c.subList(1, c.size()), "possible lost chunk"),
        new RecvCase("dropped later chunk", c -> List.of(c.get(0), c.get(2)), "possible lost chunk"),
        new RecvCase("num chunks changed", c -> List.of(c.get(0), header(c.get(1), 20, 4)), "inconsistent total"),
        new RecvCase("total data size changed", c -> List.of(c.get(0), header(c.get(1), 0, 1000)),
            "inconsistent data size"),
        new RecvCase("more data sent than expected", c -> List.of(header(c.get(0), 0, 100)), "data overflow"),
        new RecvCase("less data sent than expected", c -> c.stream()
            .map(x -> header(x, 0, 3L * DrpcChunks.MAX_DATA_SIZE + 5)).toList(),
            "expected message of size"),
        new RecvCase("total chunks zero", c -> List.of(header(c.get(0), 20, 0)), "total_chunks=0"),
        new RecvCase("chunk data size mismatch", c -> List.of(header(c.get(0), 8, 5)), "claims 5 data bytes"),
        new RecvCase("message too large", c -> List.of(header(c.get(0), 0, MAX + 1)), "exceeds the limit"),
        new RecvCase("u64 total size", c -> List.of(header(c.get(0), 0, -1L)), "exceeds the limit"));
  }

  /** Copy of {@code chunk} with the header field at {@code offset} (0, 8: u64; 16, 20: u32) replaced. */
  private static ByteBuffer header(ByteBuffer chunk, int offset, long value) {
    ByteBuffer b = ByteBuffer.allocate(chunk.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    b.put(chunk.duplicate()).flip();
    if (offset < 16) {
      b.putLong(offset, value);
    } else {
      b.putInt(offset, (int) value);
    }
    return b;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recvCases")
  void TestDrpc_recvMsg(RecvCase tc) {
    List<ByteBuffer> chunks = tc.tamper.apply(DrpcChunks.encode(randomBytes(3 * DrpcChunks.MAX_DATA_SIZE)));
    DrpcChunkAssembler asm = new DrpcChunkAssembler(MAX);
    DrpcProtocolException e = assertThrows(DrpcProtocolException.class, () -> {
      for (ByteBuffer c : chunks) {
        asm.add(c.duplicate());
      }
    });
    assertTrue(e.getMessage().contains(tc.expErr), e.getMessage());
  }

  @Test
  void assemblerIsReusableAfterAMessage() throws Exception {
    DrpcChunkAssembler asm = new DrpcChunkAssembler(MAX);
    for (int size : new int[] {5, 0, DrpcChunks.MAX_DATA_SIZE + 10}) {
      byte[] msg = randomBytes(size);
      byte[] got = null;
      for (ByteBuffer c : DrpcChunks.encode(msg)) {
        got = asm.add(c);
      }
      assertArrayEquals(msg, got);
    }
  }

  /** A 25-byte packet announcing 64 MiB in 513 chunks: nothing near 64 MiB may be allocated for it. */
  @Test
  void announced64MiBAllocatesOnlyWhatArrived() throws Exception {
    AtomicLong allocated = new AtomicLong();
    DrpcChunkAssembler asm = new DrpcChunkAssembler(MAX, n -> {
      allocated.addAndGet(n);
      return new byte[n];
    });
    int total = 64 << 20;
    List<ByteBuffer> chunks = DrpcChunks.encode(new byte[] {7});
    assertNull(asm.add(header(header(chunks.get(0), 0, total), 20, DrpcChunks.numChunks(total))));
    assertTrue(asm.inProgress());
    assertEquals(1, allocated.get(), "bytes allocated for a 64 MiB announcement carrying 1 byte");
  }

  @Test
  void announcementOverTheLimitIsRefusedBeforeAnyAllocation() {
    AtomicLong allocated = new AtomicLong();
    DrpcChunkAssembler asm = new DrpcChunkAssembler(1 << 20, n -> {
      allocated.addAndGet(n);
      return new byte[n];
    });
    ByteBuffer announce = header(header(DrpcChunks.encode(new byte[0]).get(0), 0, 64L << 20), 20, 513);
    DrpcProtocolException e = assertThrows(DrpcProtocolException.class, () -> asm.add(announce));
    assertTrue(e.getMessage().contains("message size 67108864 exceeds the limit of 1048576 bytes"), e.getMessage());
    assertEquals(0, allocated.get());
  }

  @Test
  void multiChunkMessageBufferGrowsByDoubling() throws Exception {
    AtomicLong allocated = new AtomicLong();
    DrpcChunkAssembler asm = new DrpcChunkAssembler(MAX, n -> {
      allocated.addAndGet(n);
      return new byte[n];
    });
    byte[] msg = randomBytes(4 << 20);
    byte[] got = null;
    for (ByteBuffer c : DrpcChunks.encode(msg)) {
      got = asm.add(c);
    }
    assertArrayEquals(msg, got);
    // 128 KiB, 256 KiB, ... 4 MiB: a doubling series sums to less than three times the message
    assertTrue(allocated.get() < 3L * msg.length, "allocated " + allocated.get());
  }

  @Test
  void badMaxMessageSizeRejected() {
    assertThrows(IllegalArgumentException.class, () -> new DrpcChunkAssembler(-1));
    assertThrows(IllegalArgumentException.class, () -> new DrpcChunkAssembler(Integer.MAX_VALUE));
  }

  public static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }
}
