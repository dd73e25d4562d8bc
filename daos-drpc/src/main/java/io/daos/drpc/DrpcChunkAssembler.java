package io.daos.drpc;

import java.nio.ByteBuffer;
import java.util.function.IntFunction;

/**
 * Reassembles one dRPC message from its chunks, validating as DAOS does: chunks arrive in order, totals
 * stay consistent, data never overruns the announced size, and the announced size is within the limit. Unlike
 * DAOS's {@code recvMsg}, the announced size is never allocated up front: the buffer grows with the data that has
 * actually arrived (at most doubling), so a 24-byte header that announces 64 MiB costs nothing until 64 MiB come.
 * Any violation throws {@link DrpcProtocolException}; the connection is then unusable. Not thread-safe: one per
 * connection.
 */
public final class DrpcChunkAssembler {
  private static final byte[] NONE = new byte[0];

  private final long maxMessageSize;
  private final IntFunction<byte[]> allocator;
  private boolean inProgress;
  private byte[] msg = NONE;
  private int total;
  private long totalChunks;
  private long nextIdx;
  private int received;

  public DrpcChunkAssembler(long maxMessageSize) {
    this(maxMessageSize, byte[]::new);
  }

  /** With the allocator that makes (and grows) message buffers; every message buffer comes from it. */
  public DrpcChunkAssembler(long maxMessageSize, IntFunction<byte[]> allocator) {
    this.maxMessageSize = DrpcChunks.checkMaxMessageSize(maxMessageSize);
    this.allocator = allocator;
  }

  /** True while part of a message has arrived. */
  public boolean inProgress() {
    return inProgress;
  }

  /**
   * Adds one received packet (position..limit); returns the whole message when this was its last chunk,
   * else null.
   */
  public byte[] add(ByteBuffer packet) throws DrpcProtocolException {
    int size = packet.remaining();
    if (size < DrpcChunks.HEADER_SIZE) {
      throw fail("chunk size " + size + " smaller than header size " + DrpcChunks.HEADER_SIZE);
    }
    DrpcChunks.Header h = DrpcChunks.readHeader(packet);
    if (h.chunkDataSize() != size - DrpcChunks.HEADER_SIZE) {
      throw fail("chunk " + h.chunkIdx() + " claims " + h.chunkDataSize() + " data bytes but carries "
          + (size - DrpcChunks.HEADER_SIZE));
    }
    if (!inProgress) {
      start(h);
    } else {
      checkNext(h);
    }
    packet.position(packet.position() + DrpcChunks.HEADER_SIZE);
    ensureCapacity(received + (int) h.chunkDataSize());
    packet.get(msg, received, (int) h.chunkDataSize());
    received += (int) h.chunkDataSize();
    nextIdx++;
    return nextIdx == totalChunks ? finish() : null;
  }

  private void start(DrpcChunks.Header h) throws DrpcProtocolException {
    if (h.chunkIdx() != 0) {
      throw fail("possible lost chunk, got chunk index=" + h.chunkIdx() + ", expected=0");
    }
    if (h.totalChunks() == 0) {
      throw fail("malformed header, total_chunks=0");
    }
    if (h.totalDataSize() < 0 || h.totalDataSize() > maxMessageSize) {
      throw fail("message size " + Long.toUnsignedString(h.totalDataSize()) + " exceeds the limit of "
          + maxMessageSize + " bytes");
    }
    checkFits(h, 0);
    inProgress = true;
    msg = NONE;
    total = (int) h.totalDataSize();
    totalChunks = h.totalChunks();
    nextIdx = 0;
    received = 0;
  }

  private void checkNext(DrpcChunks.Header h) throws DrpcProtocolException {
    if (h.chunkIdx() != nextIdx) {
      throw fail("possible lost chunk, got chunk index=" + h.chunkIdx() + ", expected=" + nextIdx);
    }
    if (h.totalChunks() != totalChunks) {
      throw fail("inconsistent total chunks at chunk " + nextIdx + " (total=" + h.totalChunks()
          + ", previous=" + totalChunks + ")");
    }
    if (h.totalDataSize() != total) {
      throw fail("inconsistent data size at chunk " + nextIdx + " (total=" + h.totalDataSize()
          + ", previous=" + total + ")");
    }
    checkFits(h, received);
  }

  private void checkFits(DrpcChunks.Header h, long already) throws DrpcProtocolException {
    if (already + h.chunkDataSize() > h.totalDataSize()) {
      throw fail("data overflow at chunk " + h.chunkIdx() + " (expected total=" + h.totalDataSize()
          + ", received=" + already + ", new chunk=" + h.chunkDataSize() + ")");
    }
  }

  /** Grows the buffer to hold {@code needed} bytes: at least double, never past the announced total. */
  private void ensureCapacity(int needed) {
    if (needed <= msg.length && msg != NONE) {
      return;
    }
    byte[] grown = allocator.apply((int) Math.min(total, Math.max(needed, 2L * msg.length)));
    System.arraycopy(msg, 0, grown, 0, received);
    msg = grown;
  }

  private byte[] finish() throws DrpcProtocolException {
    byte[] done = msg;
    int got = received;
    inProgress = false;
    msg = NONE;
    if (got != total) {
      throw fail("expected message of size " + total + ", got " + got);
    }
    return done;
  }

  private static DrpcProtocolException fail(String what) {
    return new DrpcProtocolException("dRPC: " + what);
  }
}
