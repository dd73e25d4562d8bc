package io.daos.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors DAOS TestServerConfig_Validation (case names kept). */
class ServerConfigValidationTest {
  record Case(String name, UnaryOperator<ServerConfig> extra, FaultCode expCode, String expDesc) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case ok(String name, UnaryOperator<ServerConfig> extra) {
    return new Case(name, extra, null, null);
  }

  static Case bad(String name, UnaryOperator<ServerConfig> extra, FaultCode code) {
    return new Case(name, extra, code, null);
  }

  static Case bad(String name, UnaryOperator<ServerConfig> extra, FaultCode code, String desc) {
    return new Case(name, extra, code, desc);
  }

  static Stream<Case> cases() {
    return Stream.of(
        ok("example config", c -> c),
        ok("no engine entries", c -> c.withEngines()),
        bad("no fabric provider", c -> c.withProvider(""), FaultCode.SERVER_CONFIG_BAD_PROVIDER),
        bad("no MS replica", c -> c.withMgmtSvcReplicas(), FaultCode.SERVER_CONFIG_BAD_MGMT_SVC_REPLICAS),
        ok("single MS replica", c -> c.withMgmtSvcReplicas("1.2.3.4:1234")),
        bad("multiple MS replicas (even)", c -> c.withMgmtSvcReplicas("1.2.3.4:1234", "5.6.7.8:5678"),
            FaultCode.SERVER_CONFIG_EVEN_MGMT_SVC_REPLICAS),
        ok("multiple MS replicas (odd)",
            c -> c.withMgmtSvcReplicas("1.2.3.4:1234", "5.6.7.8:5678", "1.5.3.8:6247")),
        bad("multiple MS replicas (dupes)", c -> c.withMgmtSvcReplicas("1.2.3.4", "5.6.7.8", "1.2.3.4"),
            FaultCode.SERVER_CONFIG_BAD_MGMT_SVC_REPLICAS),
        bad("multiple MS replicas (dupes with ports)",
            c -> c.withMgmtSvcReplicas("1.2.3.4:1234", "5.6.7.8:5678", "1.2.3.4:1234"),
            FaultCode.SERVER_CONFIG_BAD_MGMT_SVC_REPLICAS),
        bad("multiple MS replicas (dupes with and without ports)",
            c -> c.withMgmtSvcReplicas("1.2.3.4:10001", "5.6.7.8:5678", "1.2.3.4"),
            FaultCode.SERVER_CONFIG_BAD_MGMT_SVC_REPLICAS),
        ok("multiple MS replicas (dupes with different ports)",
            c -> c.withMgmtSvcReplicas("1.2.3.4:10002", "5.6.7.8:5678", "1.2.3.4")),
        bad("no MS replicas", c -> c.withMgmtSvcReplicas(), FaultCode.SERVER_CONFIG_BAD_MGMT_SVC_REPLICAS),
        ok("single MS replica no port", c -> c.withMgmtSvcReplicas("1.2.3.4")),
        bad("single MS replica invalid port", c -> c.withMgmtSvcReplicas("1.2.3.4").withPort(0),
            FaultCode.SERVER_CONFIG_BAD_CONTROL_PORT),
        bad("single MS replica including invalid port (alphanumeric)", c -> c.withMgmtSvcReplicas("1.2.3.4:0a0"),
            FaultCode.SERVER_CONFIG_BAD_CONTROL_PORT),
        bad("single MS replica including invalid port (zero)", c -> c.withMgmtSvcReplicas("1.2.3.4:0"),
            FaultCode.SERVER_CONFIG_BAD_CONTROL_PORT),
        bad("single MS replica including negative port", c -> c.withMgmtSvcReplicas("1.2.3.4:-10002"),
            FaultCode.SERVER_CONFIG_BAD_CONTROL_PORT),
        bad("single MS replica hostname including negative port", c -> c.withMgmtSvcReplicas("hostX:-10002"),
            FaultCode.SERVER_CONFIG_BAD_CONTROL_PORT),
        ok("good control port", c -> c.withPort(1234)),
        bad("bad control port (zero)", c -> c.withPort(0), FaultCode.SERVER_CONFIG_BAD_CONTROL_PORT),
        ok("good telemetry port", c -> c.withTelemetryPort(1234)),
        ok("good telemetry port (zero)", c -> c.withTelemetryPort(0)),
        bad("bad telemetry port (negative)", c -> c.withTelemetryPort(-123),
            FaultCode.SERVER_CONFIG_BAD_TELEMETRY_PORT),
        ok("different number of bdevs", c -> c.withEngine(0, c.engines().get(0).withStorage(
            ScmTier.ram("/mnt/daos0", 16), BdevTier.nvme(1, "0000:10:00.0", "0000:11:00.0", "0000:12:00.0")))),
        bad("different number of targets", c -> c.withEngine(0, c.engines().get(0).withTargets(1)),
            FaultCode.SERVER_CONFIG_TARGET_COUNT_MISMATCH,
            "the target count is not equal across engines, engine 1 has 16 but engine 0 has 1"),
        bad("different number of helper streams", c -> c.withEngine(0, c.engines().get(0).withNrXsHelpers(9)),
            FaultCode.SERVER_CONFIG_HELPER_STREAM_COUNT_MISMATCH,
            "the helper stream count is not equal across engines, engine 1 has 4 but engine 0 has 9"),
        bad("out of range hugepages; low", c -> c.withNrHugepages(-2048),
            FaultCode.SERVER_CONFIG_NR_HUGEPAGES_OUT_OF_RANGE,
            "number of hugepages specified (-2048) is out of range (0 - 2147483647)"),
        bad("out of range hugepages; high", c -> c.withNrHugepages(Integer.MAX_VALUE + 1L),
            FaultCode.SERVER_CONFIG_NR_HUGEPAGES_OUT_OF_RANGE),
        bad("out of range scm_size; low", c -> c.withEngine(0, c.engines().get(0).withStorage(
            ScmTier.ram("/mnt/daos0", 3), BdevTier.nvme(1, "0000:81:00.0"))),
            FaultCode.SERVER_CONFIG_RAMDISK_UNDER_MIN_MEM),
        bad("zero system ram reserved", c -> c.withSystemRamReserved(0), FaultCode.SERVER_CONFIG_SYS_RSVD_ZERO),
        bad("control metadata has device only", c -> c.withControlMetadata(new ControlMetadata("", "/dev/x")),
            FaultCode.SERVER_CONFIG_CONTROL_METADATA_NO_PATH),
        bad("control metadata with no roles specified",
            c -> c.withControlMetadata(new ControlMetadata("/tmp/md", "")),
            FaultCode.BDEV_CONFIG_CONTROL_METADATA_NO_ROLES),
        bad("roles specified with no control metadata path", c -> withRoles(c, false),
            FaultCode.BDEV_CONFIG_ROLES_NO_CONTROL_METADATA),
        ok("md-on-ssd enabled with role assignment", c -> withRoles(c, true)),
        bad("both fault_path and fault_cb", c -> c.withFaultPath("/r/h").withFaultCb("/bin/fd.sh"),
            FaultCode.SERVER_CONFIG_BOTH_FAULT_PATH_AND_CB),
        bad("hugepages disabled with nvme bdevs", c -> c.withDisableHugepages(true),
            FaultCode.SERVER_CONFIG_HUGEPAGES_DISABLED_WITH_NVME_BDEVS),
        bad("hugepages disabled with nr_hugepages set", c -> c.withDisableHugepages(true).withNrHugepages(1024),
            FaultCode.SERVER_CONFIG_HUGEPAGES_DISABLED_WITH_NR_SET),
        bad("bdev_exclude addresses clash with bdev_list", c -> c.withBdevExclude(List.of("0000:81:00.0")),
            FaultCode.SERVER_CONFIG_BDEV_EXCLUDE_CLASH));
  }

  private static ServerConfig withRoles(ServerConfig c, boolean md) {
    ServerConfig out = c;
    for (int i = 0; i < 2; i++) {
      EngineConfig e = c.engines().get(i);
      BdevTier b = e.bdevTiers().get(0).withRoles(new BdevRoles(BdevRoles.ALL));
      out = out.withEngine(i, e.withStorage(e.scmTier(), b));
    }
    return md ? out.withControlMetadata(new ControlMetadata("/tmp/md", "")) : out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validation(Case tc) {
    ServerConfig cfg = tc.extra.apply(TestConfigs.example());
    if (tc.expCode == null) {
      cfg.validate();
      return;
    }
    Fault f = assertThrows(Fault.class, cfg::validate);
    assertEquals(tc.expCode, f.code(), f.getMessage());
    if (tc.expDesc != null) {
      assertEquals(tc.expDesc, f.description());
    }
    assertTrue(!f.resolution().isEmpty(), "every fault says what to do");
  }

  @Test
  void replicasGetControlPortAppended() {
    ServerConfig v = TestConfigs.example().withPort(10005).withMgmtSvcReplicas("a", "b:7", "c").validate();
    assertEquals(List.of("a:10005", "b:7", "c:10005"), v.mgmtSvcReplicas());
  }

  @Test
  void hotplugDefaultsAndDeprecatedAlias() {
    ServerConfig v = TestConfigs.example().validate();
    assertEquals(Boolean.FALSE, v.disableHotplug());
    assertEquals(Boolean.FALSE, v.disableVmd());
    ServerConfig alias = TestConfigs.example().withEnableHotplug(false).validate();
    assertEquals(Boolean.TRUE, alias.disableHotplug());
    Fault both = assertThrows(Fault.class,
        () -> TestConfigs.example().withEnableHotplug(true).withDisableHotplug(true).validate());
    assertEquals(FaultCode.SERVER_CONFIG_ENABLE_HOTPLUG_DEPRECATED, both.code());
  }

  @Test
  void controlAddrMustBeAnIp() {
    TestConfigs.example().withControlAddr("10.1.2.3").validate();
    TestConfigs.example().withControlAddr("::1").validate();
    Fault f = assertThrows(Fault.class, () -> TestConfigs.example().withControlAddr("myhost").validate());
    assertEquals(FaultCode.SERVER_BAD_CONFIG, f.code());
    assertTrue(f.description().contains("control_addr"), f.description());
  }
}
