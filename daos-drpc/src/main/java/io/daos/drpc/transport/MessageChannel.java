package io.daos.drpc.transport;

import io.daos.drpc.DrpcChunkAssembler;
import io.daos.drpc.DrpcChunks;
import io.daos.drpc.DrpcProtocolException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Whole dRPC messages over a {@link PacketConnection}: chunks on send, validated reassembly on receive. */
public final class MessageChannel implements Closeable {
  private final PacketConnection conn;
  private final DrpcChunkAssembler assembler;
  // One byte more than the largest legal chunk, so that an oversize packet is seen rather than truncated.
  private final ByteBuffer rx = ByteBuffer.allocateDirect(DrpcChunks.MAX_CHUNK_SIZE + 1);
  private long midMessageTimeoutMillis;

  public MessageChannel(PacketConnection conn, long maxMessageSize) {
    this.conn = conn;
    this.assembler = new DrpcChunkAssembler(maxMessageSize);
  }

  /** Bounds the wait for each further chunk once a message has started (0 = wait as for the first chunk). */
  public MessageChannel withMidMessageTimeout(long millis) {
    this.midMessageTimeoutMillis = millis;
    return this;
  }

  public PacketConnection connection() {
    return conn;
  }

  public void send(byte[] msg) throws IOException {
    for (ByteBuffer chunk : DrpcChunks.encode(msg)) {
      conn.send(chunk);
    }
  }

  /**
   * Receives one message; returns null at a clean end of stream (between messages). End of stream in the
   * middle of a message, or any framing error, throws.
   */
  public byte[] receive(long timeoutMillis) throws IOException {
    while (true) {
      rx.clear();
      int n = receiveChunk(timeoutMillis);
      if (n < 0) {
        if (assembler.inProgress()) {
          throw new DrpcProtocolException("dRPC: peer closed the connection in the middle of a message");
        }
        return null;
      }
      if (n > DrpcChunks.MAX_CHUNK_SIZE) {
        throw new DrpcProtocolException("dRPC: packet larger than " + DrpcChunks.MAX_CHUNK_SIZE + " bytes");
      }
      rx.flip();
      byte[] msg = assembler.add(rx);
      if (msg != null) {
        return msg;
      }
    }
  }

  private int receiveChunk(long timeoutMillis) throws IOException {
    if (!assembler.inProgress() || midMessageTimeoutMillis <= 0) {
      return conn.receive(rx, timeoutMillis);
    }
    try {
      return conn.receive(rx, midMessageTimeoutMillis);
    } catch (java.net.SocketTimeoutException e) {
      throw new DrpcProtocolException("dRPC: peer stalled for " + midMessageTimeoutMillis
          + " ms in the middle of a message");
    }
  }

  @Override
  public void close() {
    conn.close();
  }
}
