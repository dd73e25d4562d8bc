package io.daos.engine.vos.store;

import io.daos.engine.vos.blob.BlobKind;

/**
 * Per-pool VOS settings. {@code dataThresh}: values (single value size, or {@code nr * recordSize} of an extent)
 * smaller than this stay in LMDB, others go to the blob (DAOS {@code data_thresh}, default 4 KiB).
 * {@code mapSize}: LMDB map size (address space reserved; the file grows sparsely). {@code durable}: LMDB syncs
 * on every commit (default); false adds {@code MDB_NOSYNC} (benchmarks only: a crash may lose commits).
 * {@code blob}: the blob's backend ({@link BlobKind#FILE} for pools with NVMe, {@link BlobKind#SCM} for SCM-only
 * pools).
 */
public record VosOptions(long dataThresh, long mapSize, boolean durable, BlobKind blob) {
  public static final long DEFAULT_DATA_THRESH = 4096;
  public static final long DEFAULT_MAP_SIZE = 1L << 30;

  public VosOptions {
    if (dataThresh < 0 || mapSize <= 0 || blob == null) {
      throw new IllegalArgumentException("dataThresh must be >= 0, mapSize > 0 and blob set");
    }
  }

  public static VosOptions defaults() {
    return new VosOptions(DEFAULT_DATA_THRESH, DEFAULT_MAP_SIZE, true, BlobKind.FILE);
  }

  public VosOptions withDataThresh(long v) {
    return new VosOptions(v, mapSize, durable, blob);
  }

  public VosOptions withMapSize(long v) {
    return new VosOptions(dataThresh, v, durable, blob);
  }

  public VosOptions withDurable(boolean v) {
    return new VosOptions(dataThresh, mapSize, v, blob);
  }

  public VosOptions withBlob(BlobKind v) {
    return new VosOptions(dataThresh, mapSize, durable, v);
  }
}
