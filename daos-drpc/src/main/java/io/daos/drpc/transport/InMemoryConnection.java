package io.daos.drpc.transport;

import io.daos.drpc.PeerCredentials;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One end of an in-memory packet pipe; a zero-length array in the inbox marks end of stream. */
final class InMemoryConnection implements PacketConnection {
  private static final byte[] EOF = new byte[0];

  private final LinkedBlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
  private final PeerCredentials peer;
  private InMemoryConnection other;
  private volatile boolean closed;

  private InMemoryConnection(PeerCredentials peer) {
    this.peer = peer;
  }

  static InMemoryConnection[] pair(PeerCredentials peer) {
    InMemoryConnection a = new InMemoryConnection(peer);
    InMemoryConnection b = new InMemoryConnection(peer);
    a.other = b;
    b.other = a;
    return new InMemoryConnection[] {a, b};
  }

  @Override
  public void send(ByteBuffer packet) throws IOException {
    if (closed) {
      throw new ClosedChannelException();
    }
    if (other.closed) {
      throw new IOException("Broken pipe");
    }
    if (packet.remaining() == 0) {
      return; // as junixsocket: an empty write sends nothing
    }
    byte[] copy = new byte[packet.remaining()];
    packet.get(copy);
    other.inbox.add(copy);
  }

  @Override
  public int receive(ByteBuffer dst, long timeoutMillis) throws IOException {
    byte[] p = take(timeoutMillis);
    if (p == EOF) {
      inbox.add(EOF);
      return -1;
    }
    int n = Math.min(p.length, dst.remaining());
    dst.put(p, 0, n);
    return n;
  }

  private byte[] take(long timeoutMillis) throws IOException {
    try {
      byte[] p = timeoutMillis > 0 ? inbox.poll(timeoutMillis, TimeUnit.MILLISECONDS) : inbox.take();
      if (p == null) {
        throw new SocketTimeoutException("dRPC receive timed out after " + timeoutMillis + " ms");
      }
      return p;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("dRPC receive interrupted");
    }
  }

  @Override
  public PeerCredentials peerCredentials() {
    return peer;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      inbox.add(EOF);
      other.inbox.add(EOF);
    }
  }
}
