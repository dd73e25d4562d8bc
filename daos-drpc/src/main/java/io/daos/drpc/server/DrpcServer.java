package io.daos.drpc.server;

import io.daos.common.DaemonThreads;
import io.daos.common.LifeCycle;
import io.daos.common.LogLimiter;
import io.daos.drpc.DrpcChunks;
import io.daos.drpc.PeerCredentials;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.drpc.transport.PacketConnection;
import io.daos.drpc.transport.PacketListener;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dRPC listener (DAOS's DomainSocketServer): one accept thread and a thread per connection; each connection is
 * served Call by Call in order. A peer that breaks the framing is disconnected; the listener keeps serving the
 * others. What one user can hold is bounded, so that idle connections from one user never stop the others being
 * served (the agent's socket is open to every user): connections per peer uid ({@code maxConnectionsPerUser}; the
 * one over is closed at once), connections in all ({@code maxConnections}), and time waiting for a Call
 * ({@code idleTimeout}; an idle connection is closed, and a {@link io.daos.drpc.client.DrpcClient} reconnects on
 * its next call). Lines a peer can cause are rate-limited. {@link #close()} stops accepting, closes every connection
 * and removes the socket file.
 */
public final class DrpcServer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(DrpcServer.class);

  private final Builder cfg;
  private final LifeCycle lifeCycle;
  private static final LogLimiter LOG_LIMIT = LogLimiter.perMinute();

  private final Set<DrpcSession> sessions = ConcurrentHashMap.newKeySet();
  private final Map<Long, AtomicInteger> perUser = new ConcurrentHashMap<>();
  private final ExecutorService pool;
  private volatile PacketListener listener;
  private Thread acceptThread;

  private DrpcServer(Builder cfg) {
    this.cfg = cfg;
    this.lifeCycle = new LifeCycle("dRPC server " + cfg.path);
    this.pool = new ThreadPoolExecutor(0, cfg.maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        DaemonThreads.numbered("drpc-session"));
  }

  public static Builder builder(Path socketPath, DrpcRegistry registry) {
    return new Builder(socketPath, registry);
  }

  /** Binds the socket (removing a stale one, refusing a live one) and starts accepting. */
  public void start() throws IOException {
    lifeCycle.transition(LifeCycle.State.STARTING);
    try {
      listener = cfg.transport.listen(cfg.path, cfg.mode);
    } catch (IOException | RuntimeException e) {
      lifeCycle.transition(LifeCycle.State.FAILED);
      pool.shutdownNow();
      throw e;
    }
    acceptThread = DaemonThreads.numbered("drpc-accept").newThread(this::acceptLoop);
    lifeCycle.transition(LifeCycle.State.RUNNING);
    acceptThread.start();
    LOG.debug("dRPC: listening on {}", cfg.path);
  }

  public Path socketPath() {
    return cfg.path;
  }

  /** Connections currently open. */
  public int sessionCount() {
    return sessions.size();
  }

  private void acceptLoop() {
    while (lifeCycle.isRunning()) {
      PacketConnection conn;
      try {
        conn = listener.accept();
      } catch (IOException e) {
        if (lifeCycle.isRunning()) {
          LOG.error("dRPC: {}: failed to accept connection: {}", cfg.path, e.toString());
        }
        return;
      }
      startSession(conn);
    }
  }

  private void startSession(PacketConnection conn) {
    PeerCredentials peer = conn.peerCredentials();
    AtomicInteger held = perUser.computeIfAbsent(peer.uid(), u -> new AtomicInteger());
    if (held.incrementAndGet() > cfg.maxConnectionsPerUser) {
      held.decrementAndGet();
      LOG_LIMIT.warn(LOG, "per-user cap", "dRPC: {}: uid {} already holds {} connections (max {} per user); closing "
          + "the new one from pid {}. That user's processes should close the dRPC connections they are not using",
          cfg.path, peer.uid(), cfg.maxConnectionsPerUser, cfg.maxConnectionsPerUser, peer.pid());
      conn.close();
      return;
    }
    DrpcSession s = new DrpcSession(conn, cfg.registry, cfg.limits(), done -> {
      sessions.remove(done);
      held.decrementAndGet();
    });
    sessions.add(s);
    try {
      pool.execute(s);
    } catch (RejectedExecutionException e) {
      LOG_LIMIT.warn(LOG, "total cap", "dRPC: {}: {} connections open (the maximum); closing the new one from pid "
          + "{} uid {}", cfg.path, cfg.maxConnections, peer.pid(), peer.uid());
      s.close();
    }
    if (!lifeCycle.isRunning()) {
      s.close();
    }
  }

  @Override
  public void close() {
    if (!lifeCycle.checkStateAndClose()) {
      return;
    }
    if (listener != null) {
      listener.close();
    }
    sessions.forEach(DrpcSession::close);
    pool.shutdownNow();
    joinQuietly(acceptThread);
    lifeCycle.transition(LifeCycle.State.CLOSED);
    LOG.debug("dRPC: closed {}", cfg.path);
  }

  private static void joinQuietly(Thread t) {
    if (t == null) {
      return;
    }
    try {
      t.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Server settings; defaults: real SEQPACKET transport, mode 0600, 512 connections in all and 64 per peer uid, 64 MiB
   * messages, 2 minutes waiting for a Call before an idle connection is closed, and 10 s for the rest of a message
   * once its first chunk has arrived (a peer that stalls mid-message is dropped).
   */
  public static final class Builder {
    private final Path path;
    private final DrpcRegistry registry;
    private DrpcTransport transport = DrpcTransport.seqpacket();
    private Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-------");
    private int maxConnections = 512;
    private int maxConnectionsPerUser = 64;
    private long maxMessageSize = DrpcChunks.DEFAULT_MAX_MESSAGE_SIZE;
    private long idleTimeoutMillis = 120_000;
    private long midMessageTimeoutMillis = 10_000;

    private Builder(Path path, DrpcRegistry registry) {
      this.path = Objects.requireNonNull(path, "socket path");
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    public Builder transport(DrpcTransport t) {
      this.transport = Objects.requireNonNull(t);
      return this;
    }

    /** Socket file mode, e.g. "rw-------" (daos_server) or "rw-rw-rw-" (agent). */
    public Builder mode(String rwx) {
      this.mode = PosixFilePermissions.fromString(rwx);
      return this;
    }

    public Builder maxConnections(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxConnections must be >= 1: " + n);
      }
      this.maxConnections = n;
      return this;
    }

    /** Connections one peer uid may hold at once; the next one is closed as soon as it is accepted. */
    public Builder maxConnectionsPerUser(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxConnectionsPerUser must be >= 1: " + n);
      }
      this.maxConnectionsPerUser = n;
      return this;
    }

    /** How long a connection may wait for its next Call before the server closes it. */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeoutMillis = positiveMillis("idleTimeout", timeout);
      return this;
    }

    public Builder maxMessageSize(long bytes) {
      this.maxMessageSize = DrpcChunks.checkMaxMessageSize(bytes);
      return this;
    }

    /** How long the remaining chunks of a started message may take, per chunk. */
    public Builder midMessageTimeout(Duration timeout) {
      this.midMessageTimeoutMillis = positiveMillis("midMessageTimeout", timeout);
      return this;
    }

    private static long positiveMillis(String what, Duration d) {
      if (d.isNegative() || d.toMillis() == 0) {
        throw new IllegalArgumentException(what + " must be at least 1 ms: " + d);
      }
      return d.toMillis();
    }

    DrpcSession.Limits limits() {
      return new DrpcSession.Limits(maxMessageSize, idleTimeoutMillis, midMessageTimeoutMillis);
    }

    public DrpcServer build() {
      return new DrpcServer(this);
    }
  }
}
