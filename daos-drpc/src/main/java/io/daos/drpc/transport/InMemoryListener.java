package io.daos.drpc.transport;

import io.daos.drpc.PeerCredentials;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;

/** The listening end of {@link InMemoryTransport}. */
final class InMemoryListener implements PacketListener {
  private static final InMemoryConnection CLOSED = InMemoryConnection.pair(PeerCredentials.UNKNOWN)[0];

  private final Path path;
  private final Runnable onClose;
  private final LinkedBlockingQueue<InMemoryConnection> pending = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  InMemoryListener(Path path, Runnable onClose) {
    this.path = path;
    this.onClose = onClose;
  }

  void offer(InMemoryConnection serverSide) throws ConnectException {
    if (closed) {
      throw new ConnectException("dRPC connect to " + path + ": connection refused");
    }
    pending.add(serverSide);
  }

  @Override
  public PacketConnection accept() throws IOException {
    try {
      InMemoryConnection c = pending.take();
      if (c == CLOSED) {
        pending.add(CLOSED);
        throw new SocketException("Socket is closed");
      }
      return c;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("dRPC accept interrupted");
    }
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      onClose.run();
      InMemoryConnection c;
      while ((c = pending.poll()) != null) {
        c.close();
      }
      pending.add(CLOSED);
    }
  }
}
