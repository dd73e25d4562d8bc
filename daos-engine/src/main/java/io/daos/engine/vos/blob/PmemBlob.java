package io.daos.engine.vos.blob;

import io.daos.ffi.PmemMap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * An SCM blob mapped with libpmem ({@code pmem_map_file}), DAOS's way to its SCM. On persistent memory (a DAX
 * mount: libpmem's {@code is_pmem}) every write is a {@code pmem_memcpy_persist}, durable when it returns, and
 * {@link #force} has nothing to do; on other memory (tmpfs, a disk file) writes are plain copies and {@link #force}
 * is a {@code pmem_msync} of the range written since the last one.
 */
public final class PmemBlob extends ScmBlob {
  private PmemMap map;
  /** {@link #map} as its views hold it: unmapped when the blob and they have let go. */
  private Mapping held;
  /** Whether the mapping is persistent memory. */
  private boolean pmem;

  /** {@link IllegalStateException} where libpmem is not loaded. */
  public PmemBlob(Path file) throws IOException {
    super(file);
    if (!PmemMap.available()) {
      throw new IllegalStateException("libpmem is not loaded: " + io.daos.ffi.Pmem.loadError());
    }
    mapExisting();
  }

  @Override
  void map(long length) throws IOException {
    PmemMap m = PmemMap.map(file);
    map = m;
    pmem = m.isPmem();
    held = new Mapping(file + " (libpmem, " + m.length() + " B)", m::close);
  }

  /** Lets go of the mapping: unmapped now, or when the last view of it is released (after growth, close). */
  @Override
  void unmap() {
    Mapping h = held;
    map = null;
    held = null;
    h.release();
  }

  @Override
  BlobView mappedView(long off, int len) {
    ByteBuffer b = map.view(off, len);
    return b == null ? null : new BlobView(off, b, held);
  }

  @Override
  void put(long off, ByteBuffer src) {
    map.write(off, src);
  }

  @Override
  void get(long off, ByteBuffer dst) {
    map.read(off, dst);
  }

  @Override
  void sync(long from, long to) throws IOException {
    map.persist(from, to - from);
  }

  @Override
  public String backend() {
    if (map == null) {
      return "libpmem (nothing mapped yet: an empty blob)";
    }
    return pmem ? "libpmem, persistent memory (pmem_memcpy_persist)"
        : "libpmem, not persistent memory (pmem_msync at commit)";
  }
}
