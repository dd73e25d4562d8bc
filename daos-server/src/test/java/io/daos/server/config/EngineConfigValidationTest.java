package io.daos.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors DAOS TestConfig_ScmValidation, TestConfig_BdevValidation and TestConfig_Validation. */
class EngineConfigValidationTest {
  /** Expected outcome: null = valid; else a fault code and/or a description substring. */
  record Case(String name, EngineConfig cfg, FaultCode expCode, String expText) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String PCI1 = "0000:01:00.0";
  private static final String PCI2 = "0000:02:00.0";

  private static EngineConfig scm(ScmTier t) {
    return TestConfigs.minimalEngine().withStorage(t);
  }

  private static ScmTier tier(StorageClass c, String mount, int size, List<String> list) {
    return new ScmTier(0, c, mount, size, list, null);
  }

  private static EngineConfig bdev(BdevTier... b) {
    StorageTier[] all = new StorageTier[b.length + 1];
    all[0] = ScmTier.dcpm("test", "foo");
    System.arraycopy(b, 0, all, 1, b.length);
    return TestConfigs.minimalEngine().withStorage(all);
  }

  private static BdevTier b(StorageClass c, int size, String... list) {
    return new BdevTier(1, c, List.of(list), size, null, null);
  }

  static Stream<Case> scmCases() {
    return Stream.of(
        new Case("missing scm_mount", scm(tier(StorageClass.RAM, "", 0, List.of())), null, "scm_mount"),
        new Case("ramdisk valid", scm(tier(StorageClass.RAM, "test", 4, List.of())), null, null),
        new Case("ramdisk with scm_list", scm(tier(StorageClass.RAM, "test", 4, List.of("foo", "bar"))), null,
            "scm_list"),
        new Case("dcpm valid", scm(tier(StorageClass.DCPM, "test", 0, List.of("foo"))), null, null),
        new Case("dcpm scm_list too long", scm(tier(StorageClass.DCPM, "test", 0, List.of("foo", "bar"))), null,
            "scm_list"),
        new Case("dcpm scm_list empty", scm(tier(StorageClass.DCPM, "test", 0, List.of())), null, "scm_list"),
        new Case("dcpm with scm_size", scm(tier(StorageClass.DCPM, "test", 1, List.of("foo"))), null, "scm_size"),
        new Case("dir valid (jdaos extension)", scm(ScmTier.dir("test")), null, null));
  }

  static Stream<Case> bdevCases() {
    return Stream.of(
        new Case("nvme class; no scm", TestConfigs.minimalEngine().withStorage(
            new BdevTier(0, StorageClass.NVME, List.of(PCI1, PCI2), 0, null, null)),
            FaultCode.SCM_CONFIG_TIER_MISSING, "missing scm storage tier"),
        new Case("nvme class; no devices", bdev(b(StorageClass.NVME, 0)), null, "valid PCI addresses"),
        new Case("nvme class; good pci addresses", bdev(b(StorageClass.NVME, 0, PCI1, PCI2)), null, null),
        new Case("nvme class; duplicate pci address", bdev(b(StorageClass.NVME, 0, PCI1, PCI1)), null,
            "bdev_list"),
        new Case("nvme class; bad pci address", bdev(b(StorageClass.NVME, 0, PCI1, "0000:00:00")), null,
            "valid PCI addresses"),
        new Case("kdev class; no devices", bdev(b(StorageClass.KDEV, 0)), null,
            "kdev requires non-empty bdev_list"),
        new Case("kdev class; valid", bdev(b(StorageClass.KDEV, 0, "/dev/sda")), null, null),
        new Case("file class; no size", bdev(b(StorageClass.FILE, 0, "bdev1")), null,
            "file requires non-zero bdev_size"),
        new Case("file class; negative size", bdev(b(StorageClass.FILE, -1, "bdev1")), null, "negative bdev_size"),
        new Case("file class; no devices", bdev(b(StorageClass.FILE, 10)), null,
            "file requires non-empty bdev_list"),
        new Case("file class; valid", bdev(b(StorageClass.FILE, 10, "bdev1", "bdev2")), null, null),
        new Case("mix of emulated and non-emulated device classes",
            bdev(b(StorageClass.NVME, 0, PCI1), b(StorageClass.FILE, 10, "bdev1", "bdev2")),
            FaultCode.BDEV_CONFIG_TIER_TYPE_MISMATCH, null));
  }

  static Stream<Case> validationCases() {
    EngineConfig valid = TestConfigs.minimalEngine();
    return Stream.of(
        new Case("empty config should fail", EngineConfig.builder().build(), null, "target count must be nonzero"),
        new Case("config with pinned_numa_node and nonzero first_core should fail",
            valid.withPinnedNumaNode(1).withFirstCore(1), null, "cannot specify both"),
        new Case("config with negative target count should fail", valid.withTargets(-10), null,
            "must not be negative"),
        new Case("config with negative helper stream count should fail", valid.withNrXsHelpers(-10), null,
            "must not be negative"),
        new Case("config with negative service core index should fail",
            valid.withPinnedNumaNode(null).withFirstCore(-10), null, "must not be negative"),
        new Case("config with zero target count should fail", valid.withTargets(0), null,
            "target count must be nonzero"),
        new Case("minimally-valid config should pass", valid, null, null),
        new Case("invalid log mask in config", valid.withLogMask("DBGG"), null, "unknown log level"),
        new Case("missing fabric_iface_port", valid.withFabricIfacePort(0), null, "fabric_iface_port not set"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"scmCases", "bdevCases", "validationCases"})
  void engineValidation(Case tc) {
    ServerConfig cfg = TestConfigs.single(tc.cfg);
    if (tc.expCode == null && tc.expText == null) {
      cfg.validate();
      return;
    }
    Fault f = assertThrows(Fault.class, cfg::validate);
    if (tc.expCode != null) {
      assertEquals(tc.expCode, f.code(), f.getMessage());
    } else {
      assertEquals(FaultCode.SERVER_BAD_CONFIG, f.code(), f.getMessage());
      assertTrue(f.description().startsWith("I/O Engine 0 failed config validation: "), f.description());
    }
    if (tc.expText != null) {
      assertTrue(f.description().contains(tc.expText), f.description());
    }
  }
}
