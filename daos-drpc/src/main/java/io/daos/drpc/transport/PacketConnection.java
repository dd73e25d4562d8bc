package io.daos.drpc.transport;

import io.daos.drpc.PeerCredentials;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One connected, message-preserving endpoint (a SOCK_SEQPACKET socket or an in-memory pipe): each send is
 * one packet, each receive returns one packet. Sends and receives may happen on different threads; close
 * may be called from any thread and wakes a blocked receive.
 */
public interface PacketConnection extends Closeable {
  /** Sends the buffer's remaining bytes as one packet. */
  void send(ByteBuffer packet) throws IOException;

  /**
   * Receives one packet into {@code dst} (truncated to its space, as the kernel does); returns its length,
   * or -1 at end of stream. {@code timeoutMillis} 0 waits forever; on expiry throws
   * {@link java.net.SocketTimeoutException}.
   */
  int receive(ByteBuffer dst, long timeoutMillis) throws IOException;

  /** The peer process, or {@link PeerCredentials#UNKNOWN}. */
  PeerCredentials peerCredentials();

  @Override
  void close();
}
