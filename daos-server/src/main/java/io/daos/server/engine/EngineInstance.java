package io.daos.server.engine;

import io.daos.common.ranklist.Rank;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.client.DrpcClient;
import io.daos.proto.srv.NotifyReadyReq;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured engine (DAOS's EngineInstance): a run loop that, on each start request, waits for
 * formatted storage (AwaitFormat), creates the superblock, launches the engine, waits for NotifyReady, joins
 * the system and sends SetRank + SetUp. A crashed engine is not restarted; engine_died is published.
 * Build with {@link #builder(int)}; the harness starts and closes it.
 */
public final class EngineInstance implements Engine {
  private static final Logger LOG = LoggerFactory.getLogger(EngineInstance.class);

  final InstanceSettings cfg;
  private final InstanceRunLoop loop;
  private final List<StorageReadyListener> storageReadyListeners = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> firstStorageReady = new CompletableFuture<>();
  private final Object drpcLock = new Object();
  private volatile Superblock superblock;
  private volatile EngineProcess process;
  private volatile boolean ready;
  private volatile boolean awaitingFormat;
  private volatile boolean checkerMode;
  private volatile Path drpcSocket;
  private volatile String lastError;
  private volatile long incarnation;

  EngineInstance(InstanceSettings cfg) {
    this.cfg = cfg;
    this.loop = new InstanceRunLoop(this);
    try {
      this.superblock = Superblock.read(cfg.storage.superblockPath());
    } catch (IOException e) {
      LOG.warn("engine {}: {}", cfg.index, e.getMessage());
    }
  }

  public static InstanceSettings.Builder builder(int index) {
    return new InstanceSettings.Builder(index);
  }

  @Override
  public int index() {
    return cfg.index;
  }

  public EngineStorage storage() {
    return cfg.storage;
  }

  @Override
  public Optional<Rank> rank() {
    Superblock sb = superblock;
    return sb == null || sb.rank() == null ? Optional.empty() : Optional.of(Rank.of(Integer.toUnsignedLong(sb.rank())));
  }

  public Optional<Superblock> superblock() {
    return Optional.ofNullable(superblock);
  }

  @Override
  public LocalState localState() {
    if (isReady()) {
      return LocalState.READY;
    }
    if (isStarted()) {
      return LocalState.STARTING;
    }
    return awaitingFormat ? LocalState.AWAIT_FORMAT : LocalState.STOPPED;
  }

  /**
   * True from launch until the run loop has handled the engine's exit (engine_died, socket removal), so
   * that a stop observed through this flag is a finished one.
   */
  @Override
  public boolean isStarted() {
    return process != null;
  }

  @Override
  public boolean isReady() {
    return ready && isStarted();
  }

  @Override
  public boolean isAwaitingFormat() {
    return awaitingFormat;
  }

  /** The pid of the running engine, if any. */
  public Optional<Long> pid() {
    EngineProcess p = process;
    return p != null && p.isAlive() ? Optional.of(p.pid()) : Optional.empty();
  }

  /** Incarnation from the engine's last NotifyReady (or the superblock). */
  public long incarnation() {
    return incarnation;
  }

  @Override
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  @Override
  public void requestStart() {
    loop.requestStart();
  }

  @Override
  public void stop(Signal signal) {
    EngineProcess p = process;
    if (p != null) {
      LOG.info("engine {}: sending {} to pid {}", cfg.index, signal, p.pid());
      p.signal(signal);
    }
  }

  @Override
  public void setCheckerMode(boolean enabled) {
    checkerMode = enabled;
  }

  boolean checkerMode() {
    return checkerMode;
  }

  /**
   * Releases an instance waiting in AwaitFormat (DAOS's NotifyStorageReady), after StorageFormat.
   * {@code replaceRank} asks the next join to take over an excluded rank.
   */
  public void notifyStorageReady(boolean replaceRank) {
    loop.storageReady(replaceRank);
  }

  /** The engine's NotifyReady (dRPC 301) arrived; never blocks. */
  public void notifyReady(NotifyReadyReq req) {
    LOG.debug("engine {}: dRPC ready: {}", cfg.index, req.getDrpcListenerSock());
    drpcSocket = req.getDrpcListenerSock().isEmpty() ? null : Path.of(req.getDrpcListenerSock());
    loop.drpcReady(req);
  }

  /**
   * Adds a callback run each time the storage is ready (formatted, superblock present), before the engine
   * is launched; one that throws aborts that start (DAOS's OnStorageReady; the MS database of a replica
   * starts from instance 0's callback).
   */
  public void onStorageReady(StorageReadyListener listener) {
    storageReadyListeners.add(listener);
  }

  /** Completes the first time the storage is ready. */
  public CompletableFuture<Void> storageReadyFuture() {
    return firstStorageReady;
  }

  void fireStorageReady() throws Exception {
    for (StorageReadyListener l : storageReadyListeners) {
      l.storageReady(this);
    }
    firstStorageReady.complete(null);
  }

  @Override
  public void removeSuperblock() throws IOException {
    superblock = null;
    Files.deleteIfExists(cfg.storage.superblockPath());
    LOG.info("engine {}: removed superblock {}", cfg.index, cfg.storage.superblockPath());
  }

  void setSuperblock(Superblock sb) throws IOException {
    sb.write(cfg.storage.superblockPath());
    superblock = sb;
  }

  void loadSuperblock() throws IOException {
    superblock = Superblock.read(cfg.storage.superblockPath());
  }

  void setAwaitingFormat(boolean v) {
    awaitingFormat = v;
  }

  void setProcess(EngineProcess p) {
    process = p;
  }

  EngineProcess process() {
    return process;
  }

  void setReady(boolean v) {
    ready = v;
  }

  void setIncarnation(long v) {
    incarnation = v;
  }

  void setLastError(String v) {
    lastError = v;
  }

  /** Forgets the engine's dRPC socket and removes the file (on exit). */
  void removeSocket() {
    Path s = drpcSocket;
    drpcSocket = null;
    ready = false;
    if (s != null) {
      try {
        Files.deleteIfExists(s);
      } catch (IOException e) {
        LOG.error("engine {}: removing socket file {}: {}", cfg.index, s, e.toString());
      }
    }
  }

  @Override
  public byte[] callDrpc(DrpcMethod method, byte[] body) throws IOException {
    if (!isStarted()) {
      throw EngineFaults.dataPlaneNotStarted();
    }
    if (!isReady()) {
      throw new EngineUnavailableException(EngineUnavailableException.Kind.ENGINE_NOT_READY);
    }
    return callDrpcUnchecked(method, body);
  }

  /** A dRPC call without the readiness checks (used during set-up). One connection per call, serialized. */
  byte[] callDrpcUnchecked(DrpcMethod method, byte[] body) throws IOException {
    Path s = drpcSocket;
    if (s == null) {
      throw new EngineUnavailableException(EngineUnavailableException.Kind.DRPC_NOT_READY);
    }
    synchronized (drpcLock) {
      try (DrpcClient c = cfg.drpcClients.apply(s)) {
        return c.call(method, body);
      }
    }
  }

  void startRunLoop() {
    loop.start();
  }

  /** Stops the run loop and the engine: SIGINT, then SIGKILL after the stop timeout. No engine_died. */
  void close() {
    loop.shutdown();
    EngineProcess p = process;
    if (p != null && p.isAlive()) {
      LOG.info("engine {}: stopping pid {}", cfg.index, p.pid());
      p.signal(Signal.SIGINT);
      if (!awaitExit(p, cfg.stopTimeout.toMillis())) {
        LOG.warn("engine {}: pid {} still running after {}; sending SIGKILL", cfg.index, p.pid(), cfg.stopTimeout);
        p.signal(Signal.SIGKILL);
        awaitExit(p, 10_000);
      }
    }
    removeSocket();
    loop.join();
  }

  private static boolean awaitExit(EngineProcess p, long millis) {
    try {
      p.onExit().get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return true;
    }
  }

  @Override
  public String toString() {
    return "engine " + cfg.index + rank().map(r -> " (rank " + r + ")").orElse("");
  }

  /** Called when an instance's storage is ready, before its engine starts. */
  @FunctionalInterface
  public interface StorageReadyListener {
    void storageReady(EngineInstance instance) throws Exception;
  }
}
