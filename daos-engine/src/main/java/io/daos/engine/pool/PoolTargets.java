package io.daos.engine.pool;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.blob.BlobKind;
import io.daos.engine.vos.store.VosOptions;
import io.daos.engine.vos.VosPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pools this engine holds targets of (DAOS {@code ds_mgmt_tgt_pool_create/destroy}), each under
 * {@code <scm_mount>/<pool uuid>/}. A pool directory is complete once its {@code tiers} file exists (written
 * last on create, removed first on destroy), so a crash mid-create or mid-destroy never reopens half a pool.
 * Create and destroy are serialized; their per-target steps run on the targets' own threads.
 */
public final class PoolTargets implements AutoCloseable {
  /**
   * The pool map version a pool is created with: what object RPC replies carry for a pool until the service pushes
   * (or the engine fetches) a newer map ({@link EnginePool#installMap}).
   */
  public static final int POOL_MAP_VERSION = 1;

  private static final Logger LOG = LoggerFactory.getLogger(PoolTargets.class);

  private final Path scmMount;
  private final TargetXstreams xs;
  private final VosOptions opts;
  /** Whether a directory is on RAM (tmpfs): there a pool with NVMe keeps its blob mapped, see {@link #optsFor}. */
  private final Predicate<Path> ramBacked;
  private final Map<UUID, EnginePool> pools = new ConcurrentHashMap<>();
  private final List<MapListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Pools with NVMe keep their blob in a file written with write(2) wherever the SCM mount is. */
  public PoolTargets(Path scmMount, TargetXstreams xs, VosOptions opts) {
    this(scmMount, xs, opts, dir -> false);
  }

  /**
   * {@code ramBacked} tells whether the SCM mount is RAM, where pools with NVMe then map their blob
   * ({@link BlobKind#ramBacked} for tmpfs; the engine passes it with {@code JDAOS_MAP_RAM_BLOB=yes}).
   */
  public PoolTargets(Path scmMount, TargetXstreams xs, VosOptions opts, Predicate<Path> ramBacked) {
    this.scmMount = scmMount;
    this.xs = xs;
    this.opts = opts;
    this.ramBacked = ramBacked;
  }

  /**
   * Adds {@code l} to the listeners told of every pool map this engine installs (DAOS's work on a map update:
   * container RF checks, DTX resync). Listeners run on the installing thread and must not block.
   */
  public void addMapListener(MapListener l) {
    listeners.add(l);
  }

  private void mapInstalled(UUID pool, io.daos.proto.pool.PoolMap m) {
    for (MapListener l : listeners) {
      try {
        l.installed(pool, m);
      } catch (RuntimeException e) {
        LOG.error("pool {}: a map listener failed on map version {}: {}", pool, m.getVersion(), e.toString());
      }
    }
  }

  /** Reopens every complete pool found under the SCM mount; returns how many. */
  public synchronized int reopenExisting() {
    if (!Files.isDirectory(scmMount)) {
      return 0;
    }
    try (Stream<Path> dirs = Files.list(scmMount)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        UUID uuid = parseUuid(d.getFileName().toString());
        if (uuid != null && Files.exists(d.resolve(PoolTiers.FILE)) && !pools.containsKey(uuid)) {
          reopen(uuid, d);
        }
      }
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "cannot list " + scmMount + ": " + e.getMessage(), e);
    }
    return pools.size();
  }

  /** Creates the pool's targets; an existing pool is returned as it is (create is idempotent, as in DAOS). */
  public synchronized EnginePool create(UUID uuid, PoolTiers tiers) {
    EnginePool existing = pools.get(uuid);
    if (existing != null) {
      LOG.info("pool {}: already exists on this engine; reusing it", uuid);
      return existing;
    }
    Path dir = scmMount.resolve(uuid.toString());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "cannot create pool directory " + dir + ": " + e.getMessage()
          + " (check the scm_mount of this engine)", e);
    }
    List<VosPool> vos = createTargets(dir, tiers);
    EnginePool pool = new EnginePool(uuid, dir, tiers, vos, this::mapInstalled);
    tiers.store(dir);
    pools.put(uuid, pool);
    LOG.info("pool {}: created {} targets under {} (scm {} B, nvme {} B), blob: {}", uuid, xs.size(), dir,
        tiers.scmBytes(), tiers.nvmeBytes(), vos.get(0).blobBackend());
    return pool;
  }

  /**
   * Opens or creates each target's VOS pool, reserving {@code blobBytes} of blob on new ones. If any target fails
   * (a full file system: DER_NOSPACE), the others are closed and the pool directory removed, so a failed create
   * leaves nothing behind; the first failure is thrown.
   */
  private List<VosPool> createTargets(Path dir, PoolTiers tiers) {
    VosOptions o = optsFor(tiers);
    long blobBytes = tiers.blobBytesPerTarget(xs.size());
    List<Object> made = xs.onAll(tgt -> {
      try {
        return Files.exists(VosPool.path(dir, tgt)) ? VosPool.open(dir, tgt, o)
            : VosPool.createReserved(dir, tgt, o, blobBytes);
      } catch (DaosException e) {
        return e;
      }
    });
    DaosException failed = made.stream().filter(DaosException.class::isInstance).map(DaosException.class::cast)
        .findFirst().orElse(null);
    if (failed == null) {
      return made.stream().map(VosPool.class::cast).toList();
    }
    xs.onAll(tgt -> {
      if (made.get(tgt) instanceof VosPool v) {
        v.close();
      }
      return null;
    });
    deleteTree(dir);
    LOG.error("pool create under {} failed: {}", dir, failed.getMessage());
    throw failed;
  }

  /** Closes and removes the pool's targets; false if this engine has no such pool. */
  public synchronized boolean destroy(UUID uuid) {
    EnginePool pool = pools.remove(uuid);
    Path dir = scmMount.resolve(uuid.toString());
    if (pool != null) {
      xs.onAll(tgt -> {
        pool.closeTarget(tgt);
        return null;
      });
    } else if (!Files.exists(dir)) {
      return false;
    }
    deleteTree(dir);
    LOG.info("pool {}: destroyed on this engine", uuid);
    return true;
  }

  /** The pool, or DER_NONEXIST. */
  public EnginePool get(UUID uuid) {
    EnginePool p = pools.get(uuid);
    if (p == null) {
      throw new DaosException(DaosStatus.NONEXIST, "pool " + uuid + " does not exist on this engine");
    }
    return p;
  }

  /** The map version this engine holds for {@code uuid}; the create version for a pool it does not hold. */
  public int mapVersion(UUID uuid) {
    EnginePool p = uuid == null ? null : pools.get(uuid);
    return p == null ? POOL_MAP_VERSION : p.mapVersion();
  }

  /** The pool, if this engine holds targets of it. */
  public java.util.Optional<EnginePool> find(UUID uuid) {
    return java.util.Optional.ofNullable(pools.get(uuid));
  }

  public List<UUID> list() {
    return List.copyOf(pools.keySet());
  }

  public int targets() {
    return xs.size();
  }

  /** Space per tier (SCM, NVMe) of the pool on this engine, measured on each target's own thread. */
  public List<TierUsage> usage(UUID uuid) {
    EnginePool p = get(uuid);
    List<long[]> used = xs.onAll(tgt -> new long[] {p.target(tgt).metaBytes(), p.target(tgt).blobUsed()});
    boolean scmOnly = p.tiers().nvmeBytes() == 0;
    List<long[]> scm = new ArrayList<>();
    List<long[]> nvme = new ArrayList<>();
    for (long[] u : used) {
      scm.add(new long[] {p.targetLimit(p.tiers().scmBytes()), scmOnly ? u[0] + u[1] : u[0]});
      nvme.add(new long[] {p.targetLimit(p.tiers().nvmeBytes()), scmOnly ? 0 : u[1]});
    }
    return List.of(tier(scm), tier(nvme));
  }

  /** Space per target, then per tier (SCM, NVMe), of the pool on this engine. */
  public List<List<TierUsage>> targetUsage(UUID uuid) {
    EnginePool p = get(uuid);
    List<long[]> used = xs.onAll(tgt -> new long[] {p.target(tgt).metaBytes(), p.target(tgt).blobUsed()});
    boolean scmOnly = p.tiers().nvmeBytes() == 0;
    List<List<TierUsage>> out = new ArrayList<>();
    for (long[] u : used) {
      out.add(List.of(tier(List.of(new long[] {p.targetLimit(p.tiers().scmBytes()), scmOnly ? u[0] + u[1] : u[0]})),
          tier(List.<long[]>of(new long[] {p.targetLimit(p.tiers().nvmeBytes()), scmOnly ? 0 : u[1]}))));
    }
    return out;
  }

  private static TierUsage tier(List<long[]> perTarget) {
    long total = 0;
    long free = 0;
    long min = Long.MAX_VALUE;
    long max = 0;
    for (long[] t : perTarget) {
      long f = Math.max(0, t[0] - t[1]);
      total += t[0];
      free += f;
      min = Math.min(min, f);
      max = Math.max(max, f);
    }
    return new TierUsage(total, free, perTarget.isEmpty() ? 0 : min, max,
        perTarget.isEmpty() ? 0 : free / perTarget.size());
  }

  private void reopen(UUID uuid, Path d) {
    try {
      EnginePool p = open(uuid, d, PoolTiers.load(d));
      pools.put(uuid, p);
      LOG.info("pool {}: reopened {} targets under {}, blob: {}", uuid, xs.size(), d, p.target(0).blobBackend());
    } catch (DaosException e) {
      LOG.error("pool {}: cannot reopen {} (was the engine's target count changed?): {}", uuid, d, e.getMessage());
    }
  }

  private EnginePool open(UUID uuid, Path dir, PoolTiers tiers) {
    VosOptions o = optsFor(tiers);
    return new EnginePool(uuid, dir, tiers, xs.onAll(tgt -> VosPool.open(dir, tgt, o)), this::mapInstalled);
  }

  /**
   * The engine's VOS options with the LMDB map a target of this pool reserved at create, and for an SCM-only pool
   * the SCM blob (libpmem, or a mapped file with msync without it; the engine's own choice of SCM backend if it
   * has one), as DAOS keeps such a pool's values on SCM. A pool with NVMe has its blob in a file, written with
   * positional writes and fdatasync ({@link BlobKind#FILE}), except where the SCM mount is RAM (tmpfs, DAOS's
   * {@code scm class: ram}): that file is RAM as well, and it is mapped with the JDK ({@link BlobKind#SCM_MAPPED}).
   * tmpfs takes a {@code write(2)} page by page (look up, lock, copy, mark dirty, unlock each 4 KiB page: two thirds
   * of a target thread's time for 1 MiB writes), while a copy into pages mapped at create is one copy. Not libpmem:
   * a blob that grows past its reservation (the allocator may end beyond it) is mapped again whole by libpmem, and
   * each page faults again; the JDK mapping maps only the new bytes. Durability is as before: the written range is
   * synced (msync) before the metadata commit. The file's layout is the same, so a pool opens with either backend.
   * Off unless asked for: the mapped pages count in the engine's resident size, so that under memory pressure the
   * kernel's OOM killer picks the engine first (a 2 GB blob made it 3.4-3.9 GB of shmem RSS on the shared VM).
   */
  VosOptions optsFor(PoolTiers tiers) {
    VosOptions o = opts.withMapSize(tiers.metaBytesPerTarget(xs.size()));
    if (tiers.nvmeBytes() > 0) {
      return o.withBlob(ramBacked.test(scmMount) ? BlobKind.SCM_MAPPED : BlobKind.FILE);
    }
    return o.blob() == BlobKind.FILE ? o.withBlob(BlobKind.SCM) : o;
  }

  private static void deleteTree(Path dir) {
    try {
      Files.deleteIfExists(dir.resolve(PoolTiers.FILE));
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new DaosException(DaosStatus.IO, "cannot remove pool directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private static UUID parseUuid(String s) {
    try {
      return s.length() == 36 ? UUID.fromString(s) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Closes every pool's targets on their threads (the files stay). */
  @Override
  public synchronized void close() {
    for (EnginePool p : pools.values()) {
      xs.onAll(tgt -> {
        p.closeTarget(tgt);
        return null;
      });
    }
    pools.clear();
  }
}
