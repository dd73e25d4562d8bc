package io.daos.engine.vos.store;

/**
 * Per-pool VOS settings. {@code dataThresh}: values (single value size, or {@code nr * recordSize} of an extent)
 * smaller than this stay in LMDB, others go to the blob file (DAOS {@code data_thresh}, default 4 KiB).
 * {@code mapSize}: LMDB map size (address space reserved; the file grows sparsely). {@code durable}: LMDB syncs
 * on every commit (default); false adds {@code MDB_NOSYNC} (benchmarks only: a crash may lose commits).
 */
public record VosOptions(long dataThresh, long mapSize, boolean durable) {
  public static final long DEFAULT_DATA_THRESH = 4096;
  public static final long DEFAULT_MAP_SIZE = 1L << 30;

  public VosOptions {
    if (dataThresh < 0 || mapSize <= 0) {
      throw new IllegalArgumentException("dataThresh must be >= 0 and mapSize > 0");
    }
  }

  public static VosOptions defaults() {
    return new VosOptions(DEFAULT_DATA_THRESH, DEFAULT_MAP_SIZE, true);
  }

  public VosOptions withDataThresh(long v) {
    return new VosOptions(v, mapSize, durable);
  }

  public VosOptions withMapSize(long v) {
    return new VosOptions(dataThresh, v, durable);
  }

  public VosOptions withDurable(boolean v) {
    return new VosOptions(dataThresh, mapSize, v);
  }
}
