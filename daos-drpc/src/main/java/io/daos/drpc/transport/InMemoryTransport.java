package io.daos.drpc.transport;

import io.daos.drpc.DrpcFaults;
import io.daos.drpc.PeerCredentials;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process dRPC transport for fast tests: "socket paths" are keys in this instance, packets travel
 * through queues with SEQPACKET semantics (boundaries kept, end of stream on close). No files are created.
 */
public final class InMemoryTransport implements DrpcTransport {
  private final Map<Path, InMemoryListener> listeners;
  private final PeerCredentials peer;

  /** A transport whose peers all appear as this process. */
  public InMemoryTransport() {
    this(PeerCredentials.ofCurrentProcess());
  }

  /** A transport whose connections report {@code peer} as the peer's credentials (to test auth paths). */
  public InMemoryTransport(PeerCredentials peer) {
    this(new ConcurrentHashMap<>(), peer);
  }

  private InMemoryTransport(Map<Path, InMemoryListener> listeners, PeerCredentials peer) {
    this.listeners = listeners;
    this.peer = peer;
  }

  /** The same listeners, reached by a peer with other credentials (another user's process). */
  public InMemoryTransport as(PeerCredentials other) {
    return new InMemoryTransport(listeners, other);
  }

  @Override
  public PacketListener listen(Path path, Set<PosixFilePermission> mode) throws IOException {
    InMemoryListener l = new InMemoryListener(path, () -> listeners.remove(path));
    if (listeners.putIfAbsent(path, l) != null) {
      throw DrpcFaults.socketFileInUse(path);
    }
    return l;
  }

  @Override
  public PacketConnection connect(Path path) throws IOException {
    InMemoryListener l = listeners.get(path);
    if (l == null) {
      throw new ConnectException("dRPC connect to " + path + ": no such listener");
    }
    InMemoryConnection[] pair = InMemoryConnection.pair(peer);
    l.offer(pair[1]);
    return pair[0];
  }
}
