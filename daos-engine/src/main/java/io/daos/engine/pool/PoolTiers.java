package io.daos.engine.pool;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The space a pool may use on this engine, per tier as DAOS's pool create gives it ({@code tier_bytes}
 * per rank: SCM = index 0, NVMe = 1). Persisted as {@code <pool dir>/tiers} so a restarted engine knows it.
 */
public record PoolTiers(long scmBytes, long nvmeBytes) {
  static final String FILE = "tiers";

  public PoolTiers {
    if (scmBytes < 0 || nvmeBytes < 0) {
      throw new DaosException(DaosStatus.INVAL, "tier bytes must not be negative: scm " + scmBytes + ", nvme "
          + nvmeBytes);
    }
  }

  /** The least LMDB map a target gets (a few MiB: the index of an empty pool and its free-page lists). */
  static final long MIN_META = 4L << 20;

  /**
   * Bytes of LMDB (the index and the values below data_thresh: DAOS's SCM tier) each of {@code targets} targets
   * reserves at create: its SCM share, or half of it in an SCM-only pool, whose values above data_thresh take the
   * other half in the blob; whole 4 KiB pages, at least {@link #MIN_META}.
   */
  public long metaBytesPerTarget(int targets) {
    long share = scmBytes / targets;
    long m = nvmeBytes > 0 ? share : share / 2;
    return Math.max(MIN_META, m / 4096 * 4096);
  }

  /** Bytes of blob each target reserves at create: its NVMe share, or in an SCM-only pool the rest of its SCM share. */
  public long blobBytesPerTarget(int targets) {
    return nvmeBytes > 0 ? nvmeBytes / targets : Math.max(0, scmBytes / targets - metaBytesPerTarget(targets));
  }

  void store(Path poolDir) {
    Properties p = new Properties();
    p.setProperty("scm_bytes", Long.toString(scmBytes));
    p.setProperty("nvme_bytes", Long.toString(nvmeBytes));
    Path tmp = poolDir.resolve(FILE + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp)) {
      p.store(w, "pool tier sizes on this engine");
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "cannot write " + tmp + ": " + e.getMessage(), e);
    }
    try {
      Files.move(tmp, poolDir.resolve(FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "cannot write " + poolDir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  static PoolTiers load(Path poolDir) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(poolDir.resolve(FILE))) {
      p.load(r);
      return new PoolTiers(Long.parseLong(p.getProperty("scm_bytes", "0")),
          Long.parseLong(p.getProperty("nvme_bytes", "0")));
    } catch (IOException | NumberFormatException e) {
      throw new DaosException(DaosStatus.IO, "cannot read " + poolDir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }
}
