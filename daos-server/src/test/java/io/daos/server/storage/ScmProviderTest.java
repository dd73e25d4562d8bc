package io.daos.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.server.config.ScmTier;
import io.daos.server.config.StorageClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScmProviderTest {
  @TempDir
  Path dir;

  private final FakeHost host = new FakeHost();

  @Test
  void dirFormatCreatesDirectoryAndIsFormattedBySuperblock() throws IOException {
    Path mnt = dir.resolve("scm0");
    ScmProvider scm = ScmProvider.of(ScmTier.dir(mnt.toString()), 0, host);
    assertFalse(scm.isMounted());
    scm.format(false);
    assertTrue(scm.isMounted());
    assertFalse(scm.isFormatted());
    Files.writeString(mnt.resolve("superblock"), "version: 1\n");
    Files.createDirectories(mnt.resolve("pool/vos-0"));
    assertTrue(scm.isFormatted());
    Fault f = assertThrows(Fault.class, () -> scm.format(false));
    assertEquals(FaultCode.STORAGE_ALREADY_FORMATTED, f.code());
    scm.format(true);
    try (var s = Files.list(mnt)) {
      assertEquals(0, s.count(), "force format empties the directory");
    }
    ScmMountInfo u = scm.usage();
    assertEquals(StorageClass.DIR, u.storageClass());
    assertTrue(u.mounted() && u.totalBytes() > 0 && u.availBytes() > 0, u.toString());
    assertTrue(host.commands.isEmpty(), "dir never runs commands");
  }

  @Test
  void ramNeedsRootAndSuggestsDir() {
    ScmProvider scm = ScmProvider.of(ScmTier.ram(dir.resolve("m").toString(), 8), 0, host);
    Fault f = assertThrows(Fault.class, () -> scm.format(false));
    assertTrue(f.description().contains("needs root"), f.description());
    assertTrue(f.resolution().contains("'dir'"), f.resolution());
    assertTrue(host.commands.isEmpty());
  }

  @Test
  void ramMountsTmpfsWithDaosOptions() {
    host.root = true;
    String mnt = dir.resolve("m").toString();
    ScmProvider scm = ScmProvider.of(ScmTier.ram(mnt, 8), 1, host);
    scm.format(false);
    assertEquals(List.of(List.of("mount", "-t", "tmpfs", "-o", "mpol=prefer:1,size=8g,huge=always,noatime", "tmpfs",
        mnt)), host.commands);
    assertTrue(scm.isMounted() && scm.isFormatted());
    Fault f = assertThrows(Fault.class, () -> scm.format(false));
    assertEquals(FaultCode.STORAGE_ALREADY_FORMATTED, f.code());
    scm.format(true);
    assertEquals(List.of("umount", mnt), host.commands.get(1));
    assertEquals("mount", host.commands.get(2).get(0));
  }

  @Test
  void ramOptionsFollowHostAndTier() {
    host.root = true;
    host.numa = false;
    ScmRam noHuge = new ScmRam(ScmTier.ram("/m", 0).withHugepagesDisabled(true), 0, host);
    assertEquals("noatime", noHuge.mountOptions());
    host.thp = false;
    ScmRam huge = new ScmRam(ScmTier.ram("/m", 4), 0, host);
    assertEquals(FaultCode.SCM_HUGEPAGES_NOT_SUPPORTED, assertThrows(Fault.class, huge::mountOptions).code());
  }

  @Test
  void ramMountFailureIsAFaultWithOutput() {
    host.root = true;
    host.failExit = 32;
    ScmProvider scm = ScmProvider.of(ScmTier.ram(dir.resolve("m").toString(), 8), 0, host);
    Fault f = assertThrows(Fault.class, () -> scm.format(false));
    assertTrue(f.description().contains("permission denied"), f.description());
  }

  @Test
  void dcpmWithoutPmemIsScmNoPmem() {
    host.root = true;
    ScmProvider scm = ScmProvider.of(ScmTier.dcpm("/mnt/daos0", "/dev/pmem0"), 0, host);
    Fault f = assertThrows(Fault.class, () -> scm.format(false));
    assertEquals(FaultCode.SCM_NO_PMEM, f.code());
    assertTrue(f.resolution().contains("'dir'"), f.resolution());
  }

  @Test
  void dcpmMissingNamespace() {
    host.pmem.add(Path.of("/dev/pmem1"));
    ScmProvider scm = ScmProvider.of(ScmTier.dcpm("/mnt/daos0", dir.resolve("pmem0").toString()), 0, host);
    assertEquals(FaultCode.SCM_FORMAT_MISSING_DEVICE, assertThrows(Fault.class, () -> scm.format(false)).code());
  }

  @Test
  void dcpmMkfsArgsAreDaos() {
    assertEquals(List.of("mkfs.ext4", "-q", "-D", "-L", "daos", "-m", "0", "-b", "4096", "-I", "128", "-i",
        "67108864", "-E", "stride=512,lazy_itable_init=0,lazy_journal_init=0,nodiscard,packed_meta_blocks=1", "-O",
        "flex_bg,^uninit_bg,^resize_inode,^extra_isize,sparse_super2,^metadata_csum", "-G", "128", "-F",
        "/dev/pmem0"), ScmDcpm.mkfsArgs("/dev/pmem0"));
  }

  @Test
  void mountTableUnescapes() {
    List<HostSystem.MountEntry> m = MountTable.parse("tmpfs /mnt/my\\040daos tmpfs rw,size=8g 0 0\n");
    assertEquals(Path.of("/mnt/my daos"), m.get(0).target());
    assertEquals("tmpfs", MountTable.find(m, Path.of("/mnt/my daos")).fsType());
  }
}
