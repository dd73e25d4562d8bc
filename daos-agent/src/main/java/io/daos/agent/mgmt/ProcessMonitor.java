package io.daos.agent.mgmt;

import io.daos.common.DaemonThreads;
import io.daos.common.LogLimiter;
import io.daos.proto.mgmt.PoolMonitorReq;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the pool handles each client process holds (DAOS procmon.go). NotifyPoolConnect/Disconnect add and
 * remove handles per pid; when a process exits (NotifyExit, or the kernel reports it gone) with handles still
 * open, they are evicted through the MS, one PoolEvict per pool. Evictions run on one background thread so a
 * dRPC caller never waits for the MS. {@link #flushAll()} evicts every tracked handle (SIGUSR1, shutdown).
 */
public final class ProcessMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessMonitor.class);
  /** Most pool handles tracked for one process (a real one holds a handful). */
  public static final int MAX_HANDLES_PER_PROCESS = 4096;
  /** What a client sends decides how many evictions fail; their lines are rate-limited. */
  private static final LogLimiter LOG_LIMIT = LogLimiter.perMinute();

  private final PoolEvicter evicter;
  private final LongFunction<java.util.concurrent.CompletableFuture<?>> exitWatcher;
  private final Map<Long, Map<String, Set<String>>> procs = new HashMap<>();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("agent-procmon"));

  public ProcessMonitor(PoolEvicter evicter) {
    this(evicter, ProcessMonitor::onExit);
  }

  /** @param exitWatcher completes when process {@code pid} exits (null if it is already gone) */
  ProcessMonitor(PoolEvicter evicter, LongFunction<java.util.concurrent.CompletableFuture<?>> exitWatcher) {
    this.evicter = evicter;
    this.exitWatcher = exitWatcher;
  }

  /**
   * Tracks a handle of {@code pid}; false (and nothing tracked) when that process already holds
   * {@link #MAX_HANDLES_PER_PROCESS}: any user may call the agent, and each handle is memory here and an eviction
   * call to the MS when the process exits.
   */
  public boolean addPoolHandle(long pid, PoolMonitorReq req) {
    boolean first;
    synchronized (this) {
      first = !procs.containsKey(pid);
      Map<String, Set<String>> pools = procs.computeIfAbsent(pid, p -> new LinkedHashMap<>());
      if (pools.values().stream().mapToInt(Set::size).sum() >= MAX_HANDLES_PER_PROCESS) {
        return false;
      }
      pools.computeIfAbsent(req.getPoolUUID(), p -> new LinkedHashSet<>()).add(req.getPoolHandleUUID());
    }
    LOG.debug("pid {}: pool {} handle {} connected", pid, req.getPoolUUID(), req.getPoolHandleUUID());
    if (first) {
      watch(pid);
    }
    return true;
  }

  public synchronized void removePoolHandle(long pid, PoolMonitorReq req) {
    Map<String, Set<String>> pools = procs.get(pid);
    Set<String> handles = pools == null ? null : pools.get(req.getPoolUUID());
    if (handles == null || !handles.remove(req.getPoolHandleUUID())) {
      LOG.debug("pid {}: disconnect of untracked pool {} handle {}", pid, req.getPoolUUID(),
          req.getPoolHandleUUID());
      return;
    }
    if (handles.isEmpty()) {
      pools.remove(req.getPoolUUID());
    }
  }

  /** The process is exiting: forget it and evict whatever it left open. */
  public void notifyExit(long pid) {
    Map<String, Set<String>> leaked;
    synchronized (this) {
      leaked = procs.remove(pid);
    }
    if (leaked != null && !leaked.isEmpty()) {
      LOG_LIMIT.info(LOG, "exit with handles", "pid {} exited with open pool handles; evicting them", pid);
      submitEvictions(leaked);
    }
  }

  /** Evicts every tracked handle of every process and forgets them all. */
  public void flushAll() {
    Map<String, Set<String>> all = new LinkedHashMap<>();
    synchronized (this) {
      procs.values().forEach(pools -> pools.forEach((pool, hs) ->
          all.computeIfAbsent(pool, p -> new LinkedHashSet<>()).addAll(hs)));
      procs.clear();
    }
    submitEvictions(all);
  }

  /** Copy of the handles tracked for {@code pid}: pool UUID → handle UUIDs. */
  public synchronized Map<String, Set<String>> handles(long pid) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    procs.getOrDefault(pid, Map.of()).forEach((pool, hs) -> out.put(pool, Set.copyOf(hs)));
    return out;
  }

  /** Evicts this machine's handles from an earlier agent life (enable_evict_on_start). */
  public void cleanupMachine(String machine) {
    worker.execute(() -> {
      try {
        evicter.cleanupMachine(machine);
      } catch (RuntimeException e) {
        LOG.error("failed to clean up pool handles of machine {}: {}", machine, e.getMessage());
      }
    });
  }

  /** The kernel's word that {@code pid} exited (never, for this process, which cannot watch itself). */
  private static java.util.concurrent.CompletableFuture<?> onExit(long pid) {
    if (pid == ProcessHandle.current().pid()) {
      return new java.util.concurrent.CompletableFuture<Void>();
    }
    return ProcessHandle.of(pid).map(ProcessHandle::onExit).orElse(null);
  }

  private void watch(long pid) {
    java.util.concurrent.CompletableFuture<?> exit = exitWatcher.apply(pid);
    if (exit == null) {
      notifyExit(pid);
    } else {
      exit.thenRun(() -> notifyExit(pid));
    }
  }

  private void submitEvictions(Map<String, Set<String>> pools) {
    pools.forEach((pool, handles) -> {
      if (handles.isEmpty()) {
        return;
      }
      Set<String> copy = Set.copyOf(handles);
      try {
        worker.execute(() -> evict(pool, copy));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        LOG.warn("pool {}: not evicting {} handle(s): agent is stopping", pool, copy.size());
      }
    });
  }

  private void evict(String pool, Set<String> handles) {
    try {
      evicter.evict(pool, handles);
      LOG.debug("pool {}: evicted {} handle(s)", pool, handles.size());
    } catch (RuntimeException e) {
      LOG_LIMIT.error(LOG, "evict", "pool {}: failed to evict {} handle(s): {}", pool, handles.size(),
          e.getMessage());
    }
  }

  /** Lets queued evictions finish (up to {@code seconds}), then stops the worker. */
  public void close(long seconds) {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(seconds, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(10);
  }

  /** Client processes with pool handles open (the agent's exporter). */
  public synchronized int processCount() {
    return procs.size();
  }

  /** Pool handles open across those processes (the agent's exporter). */
  public synchronized int handleCount() {
    return procs.values().stream().mapToInt(m -> m.values().stream().mapToInt(Set::size).sum()).sum();
  }
}
