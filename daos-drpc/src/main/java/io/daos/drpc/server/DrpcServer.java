package io.daos.drpc.server;

import io.daos.common.LifeCycle;
import io.daos.drpc.DrpcChunks;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.drpc.transport.PacketConnection;
import io.daos.drpc.transport.PacketListener;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
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
 * A dRPC listener (DAOS's DomainSocketServer): one accept thread and a bounded pool of session threads;
 * each connection is served Call by Call in order. A peer that breaks the framing is disconnected; the
 * listener keeps serving the others. {@link #close()} stops accepting, closes every connection and
 * removes the socket file.
 */
public final class DrpcServer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(DrpcServer.class);

  private final Builder cfg;
  private final LifeCycle lifeCycle;
  private final Set<DrpcSession> sessions = ConcurrentHashMap.newKeySet();
  private final ExecutorService pool;
  private volatile PacketListener listener;
  private Thread acceptThread;

  private DrpcServer(Builder cfg) {
    this.cfg = cfg;
    this.lifeCycle = new LifeCycle("dRPC server " + cfg.path);
    this.pool = new ThreadPoolExecutor(0, cfg.maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        daemonThreads("drpc-session"));
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
    acceptThread = daemonThreads("drpc-accept").newThread(this::acceptLoop);
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
    DrpcSession s = new DrpcSession(conn, cfg.registry, cfg.maxMessageSize, cfg.midMessageTimeoutMillis, sessions::remove);
    sessions.add(s);
    try {
      pool.execute(s);
    } catch (RejectedExecutionException e) {
      LOG.warn("dRPC: {}: too many connections (max {}), refusing one", cfg.path, cfg.maxConnections);
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

  private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Server settings; defaults: real SEQPACKET transport, mode 0600, 64 connections, 64 MiB messages, and 10 s
   * for the rest of a message once its first chunk has arrived (a peer that stalls mid-message is dropped).
   */
  public static final class Builder {
    private final Path path;
    private final DrpcRegistry registry;
    private DrpcTransport transport = DrpcTransport.seqpacket();
    private Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-------");
    private int maxConnections = 64;
    private long maxMessageSize = DrpcChunks.DEFAULT_MAX_MESSAGE_SIZE;
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

    public Builder maxMessageSize(long bytes) {
      this.maxMessageSize = DrpcChunks.checkMaxMessageSize(bytes);
      return this;
    }

    /** How long the remaining chunks of a started message may take, per chunk. */
    public Builder midMessageTimeout(java.time.Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("midMessageTimeout must be positive: " + timeout);
      }
      this.midMessageTimeoutMillis = timeout.toMillis();
      return this;
    }

    public DrpcServer build() {
      return new DrpcServer(this);
    }
  }
}
