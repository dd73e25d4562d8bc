package io.daos.drpc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * DAOS's dRPC chunk framing: each message is split into packets of at most {@link #MAX_CHUNK_SIZE} bytes,
 * each starting with a 24-byte little-endian header {@code total_data_size u64, chunk_data_size u64,
 * chunk_idx u32, total_chunks u32}. An empty message is still one (header-only) chunk.
 */
public final class DrpcChunks {
  /** Largest packet (header + data), DAOS's UNIXCOMM_MAXMSGSIZE. */
  public static final int MAX_CHUNK_SIZE = 1 << 17;
  /** Size of the chunk header. */
  public static final int HEADER_SIZE = 24;
  /** Largest data payload of one chunk. */
  public static final int MAX_DATA_SIZE = MAX_CHUNK_SIZE - HEADER_SIZE;
  /** Default bound on a whole message; larger claims are refused before allocating. */
  public static final long DEFAULT_MAX_MESSAGE_SIZE = 64L << 20;

  private DrpcChunks() {
  }

  /** Checks a message-size bound (it must fit a Java array); returns it. */
  public static long checkMaxMessageSize(long bytes) {
    if (bytes < 0 || bytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("max dRPC message size must be in [0, 2 GiB): " + bytes);
    }
    return bytes;
  }

  /** How many chunks carry a message of {@code msgSize} bytes (at least one). */
  public static int numChunks(long msgSize) {
    return msgSize == 0 ? 1 : (int) ((msgSize + MAX_DATA_SIZE - 1) / MAX_DATA_SIZE);
  }

  /** Splits {@code msg} into ready-to-send packets (each buffer positioned at 0, limit = packet size). */
  public static List<ByteBuffer> encode(byte[] msg) {
    int total = numChunks(msg.length);
    List<ByteBuffer> chunks = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      int off = i * MAX_DATA_SIZE;
      int len = Math.min(MAX_DATA_SIZE, msg.length - off);
      ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE + len).order(ByteOrder.LITTLE_ENDIAN);
      writeHeader(b, new Header(msg.length, len, i, total));
      b.put(msg, off, len).flip();
      chunks.add(b);
    }
    return chunks;
  }

  static void writeHeader(ByteBuffer b, Header h) {
    b.putLong(h.totalDataSize()).putLong(h.chunkDataSize()).putInt((int) h.chunkIdx()).putInt((int) h.totalChunks());
  }

  /** Reads the header at the buffer's position; the buffer must hold at least {@link #HEADER_SIZE} bytes. */
  static Header readHeader(ByteBuffer b) {
    ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    return new Header(le.getLong(), le.getLong(), Integer.toUnsignedLong(le.getInt()),
        Integer.toUnsignedLong(le.getInt()));
  }

  /** One chunk header; sizes as unsigned values (a u64 above Long.MAX_VALUE reads negative). */
  record Header(long totalDataSize, long chunkDataSize, long chunkIdx, long totalChunks) {
  }
}
