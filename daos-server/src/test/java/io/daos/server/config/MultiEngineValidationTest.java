package io.daos.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors DAOS TestServerConfig_validateMultiEngineConfig (case names kept). */
class MultiEngineValidationTest {
  record Case(String name, UnaryOperator<EngineConfig> second, FaultCode expCode, String expDesc) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    EngineConfig e0 = TestConfigs.exampleEngine(0);
    return Stream.of(
        new Case("successful validation", e -> e, null, null),
        new Case("duplicate fabric config", e -> e.withFabric(e0.fabric()),
            FaultCode.SERVER_CONFIG_DUPLICATE_FABRIC,
            "the fabric configuration in I/O Engine 1 is a duplicate of I/O Engine 0"),
        new Case("duplicate log_file", e -> e.withLogFile(e0.logFile()),
            FaultCode.SERVER_CONFIG_DUPLICATE_LOG_FILE,
            "the log_file value in I/O Engine 1 is a duplicate of I/O Engine 0"),
        new Case("duplicate scm_mount", e -> e.withStorage(ScmTier.ram("/mnt/daos0", 16), e.bdevTiers().get(0)),
            FaultCode.SERVER_CONFIG_DUPLICATE_SCM_MOUNT, null),
        new Case("duplicate scm_list", e -> dcpm(e, "/mnt/daos1", "/dev/pmem0"),
            FaultCode.SERVER_CONFIG_DUPLICATE_SCM_DEVICE_LIST, null),
        new Case("overlapping bdev_list", e -> e.withStorage(e.scmTier(), BdevTier.nvme(1, "0000:81:00.0")),
            FaultCode.SERVER_CONFIG_OVERLAPPING_BDEV_DEVICE_LIST,
            "the bdev_list value in engine 1 overlaps with entries in engine 0"),
        new Case("mismatched scm_class", e -> e.withStorage(ScmTier.dir("/mnt/daos1"), e.bdevTiers().get(0)),
            FaultCode.SERVER_CONFIG_SCM_DIFF_CLASS, "the SCM class in engine 1 is different from engine 0"),
        new Case("mismatched nr bdev_list",
            e -> e.withStorage(e.scmTier(), BdevTier.nvme(1, "0000:91:00.0", "0000:92:00.0")), null, null),
        new Case("mismatched scm_hugepages_disabled",
            e -> e.withStorage(e.scmTier().withHugepagesDisabled(true), e.bdevTiers().get(0)),
            FaultCode.SERVER_CONFIG_SCM_HUGE_ENABLED, null));
  }

  private static EngineConfig dcpm(EngineConfig e, String mount, String dev) {
    return e.withStorage(ScmTier.dcpm(mount, dev), e.bdevTiers().get(0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validateMultiEngineConfig(Case tc) {
    EngineConfig e0 = TestConfigs.exampleEngine(0);
    EngineConfig e1 = TestConfigs.exampleEngine(1);
    if (tc.name.equals("duplicate scm_list")) {
      e0 = dcpm(e0, "/mnt/daos0", "/dev/pmem0");
    }
    ServerConfig cfg = TestConfigs.example().withEngines(e0, tc.second.apply(e1));
    if (tc.expCode == null) {
      cfg.validate();
      return;
    }
    Fault f = assertThrows(Fault.class, cfg::validate);
    assertEquals(tc.expCode, f.code(), f.getMessage());
    if (tc.expDesc != null) {
      assertEquals(tc.expDesc, f.description());
    }
  }
}
