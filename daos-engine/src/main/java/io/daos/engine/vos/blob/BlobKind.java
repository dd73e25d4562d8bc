package io.daos.engine.vos.blob;

import io.daos.ffi.Pmem;
import io.daos.ffi.PmemMap;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Which backend holds a target's blob. DAOS keeps values of pools with NVMe on the bdev (SPDK blobs) and, in an
 * SCM-only pool, everything on SCM through PMDK; jdaos's choice:
 * <ul>
 * <li>{@link #FILE}: a file with positional writes and fdatasync ({@link BlobFile}): the bdev tier's stand-in.</li>
 * <li>{@link #SCM}: the blob of an SCM-only pool, on the SCM mount: mapped with libpmem where {@code libpmem.so.1}
 * loads ({@link PmemBlob}), else a mapped file synced with msync ({@link MappedBlob}).</li>
 * <li>{@link #SCM_PMEM}, {@link #SCM_MAPPED}: one of SCM's two backends whatever is installed (tests, benchmarks);
 * {@code SCM_PMEM} fails where libpmem is missing.</li>
 * </ul>
 * Every backend reads and writes the same file layout, so a pool opens with any of them.
 */
public enum BlobKind {
  FILE, SCM, SCM_PMEM, SCM_MAPPED;

  /** Opens (creating if missing) the blob at {@code file} with this backend. */
  public Blob open(Path file) throws IOException {
    return switch (this) {
      case FILE -> new BlobFile(file);
      case SCM -> PmemMap.available() ? new PmemBlob(file) : new MappedBlob(file);
      case SCM_PMEM -> new PmemBlob(file);
      case SCM_MAPPED -> new MappedBlob(file);
    };
  }

  /** Whether {@code dir} (or the file) is on RAM: tmpfs, where DAOS's {@code scm class: ram} puts SCM. */
  public static boolean ramBacked(Path dir) {
    return BlobFile.onTmpfs(dir);
  }

  /** The backend {@link #SCM} blobs get in this JVM, and why: for the engine's start-up log line. */
  public static String scmBackend() {
    return PmemMap.available() ? "libpmem (libpmem.so.1: pmem_map_file, pmem_memcpy_persist on pmem, pmem_msync "
        + "elsewhere)" : "mapped file with msync (libpmem not loaded: " + Pmem.loadError() + ")";
  }
}
