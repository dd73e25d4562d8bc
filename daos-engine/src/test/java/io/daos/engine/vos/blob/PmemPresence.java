package io.daos.engine.vos.blob;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.daos.ffi.Pmem;
import io.daos.ffi.PmemMap;
import java.nio.file.Path;

/**
 * The libpmem tests' rule: where libpmem loads, {@link BlobKind#SCM_PMEM} cases run on it; where it does not they fail
 * if {@code JDAOS_REQUIRE_PMEM=1} (CI), else they check that {@link BlobKind#SCM} falls back to {@link MappedBlob}.
 */
public final class PmemPresence {
  private PmemPresence() {}

  /** True when {@code kind} can run here; false after checking the fallback (the caller returns). */
  public static boolean usable(BlobKind kind, Path scratch) throws Exception {
    if (kind != BlobKind.SCM_PMEM || PmemMap.available()) {
      return true;
    }
    if ("1".equals(System.getenv("JDAOS_REQUIRE_PMEM"))) {
      fail("JDAOS_REQUIRE_PMEM=1 but libpmem did not load: " + Pmem.loadError());
    }
    assertThrows(IllegalStateException.class, () -> BlobKind.SCM_PMEM.open(scratch.resolve("no-pmem")).close());
    try (Blob b = BlobKind.SCM.open(scratch.resolve("fallback"))) {
      assertInstanceOf(MappedBlob.class, b, "SCM without libpmem is a mapped file with msync");
    }
    return false;
  }
}
