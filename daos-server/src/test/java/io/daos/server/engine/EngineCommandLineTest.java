package io.daos.server.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.server.config.BdevRoles;
import io.daos.server.config.BdevTier;
import io.daos.server.config.EngineConfig;
import io.daos.server.config.FabricConfig;
import io.daos.server.config.ScmTier;
import io.daos.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EngineCommandLineTest {
  private static ServerConfig server(EngineConfig e) {
    return ServerConfig.builder().engines(List.of(e)).build();
  }

  /** DAOS MockConfig(): an engine with nothing set. */
  private static EngineConfig mock() {
    return EngineConfig.builder().build();
  }

  /** Mirrors DAOS TestConfig_ToCmdVals: same values, same argv and env. */
  @Test
  void toCmdVals() {
    EngineConfig e = EngineConfig.builder()
        .storage(List.of(ScmTier.dir("/mnt/test")))
        .targets(4)
        .nrXsHelpers(1)
        .firstCore(8)
        .fabric(new FabricConfig("test+foo", "ib0", 20, 30, true, ""))
        .pinnedNumaNode(1)
        .bypassHealthChk(true)
        .logFile("/path/to/log")
        .logMask("LOG_MASK_VALUE")
        .build();
    ServerConfig cfg = ServerConfig.builder().name("test-system").socketDir("/var/run/foo")
        .engines(List.of(e, e, e)).build();
    EngineCommandLine cl = EngineCommandLine.builder(cfg, 2).modules("foo,bar,baz")
        .nvmeConf(Path.of("/path/to/nvme.conf")).memSizeMib(8192).hugepageSizeMib(2).build();

    assertEquals(List.of("-x", "1", "-t", "4", "-s", "/mnt/test", "-m", "foo,bar,baz", "-f", "8",
        "-g", "test-system", "-d", "/var/run/foo", "-n", "/path/to/nvme.conf", "-I", "2", "-T", "1",
        "-p", "1", "-b", "-r", "8192", "-H", "2"), cl.argv());
    assertEquals(new TreeMap<>(Map.of("D_INTERFACE", "ib0", "D_PORT", "20", "D_PROVIDER", "test+foo",
        "D_LOG_FILE", "/path/to/log", "D_LOG_MASK", "LOG_MASK_VALUE", "CRT_TIMEOUT", "30",
        "FI_OFI_RXM_USE_SRX", "0")), new TreeMap<>(cl.configEnv()));
  }

  @Test
  void omissionRules() {
    EngineCommandLine cl = EngineCommandLine.builder(server(mock()), 0).build();
    assertEquals(List.of("-x", "0", "-g", "daos_server", "-d", "/var/run/daos_server", "-I", "0", "-r", "0",
        "-H", "0"), cl.argv());
    EngineCommandLine withDetectedNuma = EngineCommandLine.builder(server(mock()), 0).detectedNumaNode(3)
        .checker(true).build();
    assertTrue(String.join(" ", withDetectedNuma.argv()).endsWith("-p 3 -r 0 -H 0 -C"));
  }

  @Test
  void nvmeConfAndVosClassFromBdevTiers() {
    EngineConfig e = mock().withStorage(ScmTier.dir("/mnt/daos"), BdevTier.file(1, 4, "/tmp/b0"));
    EngineCommandLine cl = EngineCommandLine.builder(server(e), 0).build();
    assertTrue(String.join(" ", cl.argv()).contains("-s /mnt/daos -g daos_server -d /var/run/daos_server "
        + "-n /mnt/daos/daos_nvme.conf -I 0 -T 2"), String.join(" ", cl.argv()));
    assertEquals("AIO", cl.configEnv().get("VOS_BDEV_CLASS"));
    EngineConfig nvme = mock().withStorage(ScmTier.ram("/mnt/daos", 16), BdevTier.nvme(1, "0000:81:00.0"));
    assertEquals("NVME", EngineCommandLine.builder(server(nvme), 0).build().configEnv().get("VOS_BDEV_CLASS"));
  }

  record Conflict(String name, String logMask, String envLogMask, String expEnvMask) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Conflict> envVarConflict() {
    return Stream.of(
        new Conflict("log_mask takes precedence", "LOG_MASK_VALUE_1", "LOG_MASK_VALUE_2", "LOG_MASK_VALUE_1"),
        new Conflict("empty log_mask uses env", "", "LOG_MASK_VALUE_2", "LOG_MASK_VALUE_2"));
  }

  /** Mirrors DAOS TestConfig_EnvVarConflict. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("envVarConflict")
  void envVarConflict(Conflict tc) {
    EngineConfig e = mock().withLogMask(tc.logMask).withEnvVars(List.of("D_LOG_MASK=" + tc.envLogMask));
    assertEquals(Map.of("D_LOG_MASK", tc.expEnvMask, "CRT_TIMEOUT", "0", "FI_OFI_RXM_USE_SRX", "1"),
        EngineCommandLine.builder(server(e), 0).build().configEnv());
  }

  record EnvCase(String name, EngineConfig engine, String provider, Map<String, String> serverEnv,
      Map<String, String> expect, List<String> absent) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<EnvCase> envMerge() {
    EngineConfig dir = mock().withStorage(ScmTier.dir("/s")).withFabric(FabricConfig.EMPTY.withIface("lo")
        .withPort(31416));
    Map<String, String> host = Map.of("PATH", "/usr/bin", "HOME", "/root", "FI_LOG_LEVEL", "warn", "EMPTY", "");
    return Stream.of(
        new EnvCase("server environment is not inherited", dir, "ofi+tcp", host, Map.of("D_PORT", "31416"),
            List.of("PATH", "HOME", "FI_LOG_LEVEL")),
        new EnvCase("env_pass_through copies named vars only", dir.withEnvPassThrough(List.of("FI_LOG_LEVEL",
            "EMPTY", "UNSET")), "ofi+tcp", host, Map.of("FI_LOG_LEVEL", "warn"), List.of("PATH", "EMPTY", "UNSET")),
        new EnvCase("env_vars override pass-through", dir.withEnvPassThrough(List.of("FI_LOG_LEVEL"))
            .withEnvVars(List.of("FI_LOG_LEVEL=debug")), "ofi+tcp", host, Map.of("FI_LOG_LEVEL", "debug"),
            List.of()),
        new EnvCase("config-derived vars override env_vars", dir.withEnvVars(List.of("D_INTERFACE=eth9",
            "D_PORT=1")), "ofi+tcp", host, Map.of("D_INTERFACE", "lo", "D_PORT", "31416"), List.of()),
        new EnvCase("PMEMOBJ_CONF for non-dcpm", dir, "ofi+tcp", Map.of(),
            Map.of("PMEMOBJ_CONF", "sds.at_create=0"), List.of("ABT_THREAD_STACKSIZE")),
        new EnvCase("PMEMOBJ_CONF w/o sds.at_create is extended", dir.withEnvVars(List.of("PMEMOBJ_CONF=foo_bar")),
            "ofi+tcp", Map.of(), Map.of("PMEMOBJ_CONF", "foo_bar;sds.at_create=0"), List.of()),
        new EnvCase("dcpm gets ABT stack size and no PMEMOBJ_CONF", mock().withStorage(ScmTier.dcpm("/s", "/dev/pmem0")),
            "ofi+tcp", Map.of(), Map.of("ABT_THREAD_STACKSIZE", "20480"), List.of("PMEMOBJ_CONF")),
        new EnvCase("md-on-ssd gets ABT stack size", mock().withStorage(ScmTier.ram("/s", 16),
            BdevTier.file(1, 1, "/b").withRoles(new BdevRoles(BdevRoles.ALL))), "ofi+tcp", Map.of(),
            Map.of("ABT_THREAD_STACKSIZE", "24576"), List.of()),
        new EnvCase("ucx provider gets ABT stack size", dir, "ucx+dc_x", Map.of(),
            Map.of("ABT_THREAD_STACKSIZE", "32768", "D_PROVIDER", "ucx+dc_x"), List.of()),
        new EnvCase("bare ofi+verbs gets ofi_rxm", dir, "ofi+verbs", Map.of(),
            Map.of("D_PROVIDER", "ofi+verbs;ofi_rxm"), List.of()),
        new EnvCase("DD_SUBSYS is merged into D_LOG_MASK", dir.withLogMask("debug")
            .withEnvVars(List.of("DD_SUBSYS=vos")), "ofi+tcp", Map.of(), Map.of("D_LOG_MASK", "ERR,vos=DBUG"),
            List.of("DD_SUBSYS")),
        new EnvCase("DD_SUBSYS kept without D_LOG_MASK", dir.withEnvVars(List.of("DD_SUBSYS=vos")), "ofi+tcp",
            Map.of(), Map.of("DD_SUBSYS", "vos"), List.of("D_LOG_MASK")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("envMerge")
  void envMerge(EnvCase tc) {
    ServerConfig cfg = server(tc.engine).withProvider(tc.provider);
    Map<String, String> env = EngineCommandLine.builder(cfg, 0).serverEnv(tc.serverEnv).build().env();
    tc.expect.forEach((k, v) -> assertEquals(v, env.get(k), k + " in " + env));
    tc.absent.forEach(k -> assertFalse(env.containsKey(k), k + " in " + env));
    assertEquals("1", env.get("FI_OFI_RXM_USE_SRX"));
  }

  @Test
  void domainAddedOnlyWhenUnset() {
    EngineConfig e = mock().withStorage(ScmTier.dir("/s"));
    assertEquals("mlx5_0", EngineCommandLine.builder(server(e), 0).fabricDomain("mlx5_0").build().env()
        .get("D_DOMAIN"));
    EngineConfig set = e.withEnvVars(List.of("D_DOMAIN=eth0"));
    assertEquals("eth0", EngineCommandLine.builder(server(set), 0).fabricDomain("mlx5_0").build().env()
        .get("D_DOMAIN"));
  }

  record PmdkFail(String name, EngineConfig engine, String expText) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<PmdkFail> pmdkFailures() {
    return Stream.of(
        new PmdkFail("config for ram with sds.at_create set to 1 should fail",
            mock().withStorage(ScmTier.ram("/s", 16)).withEnvVars(List.of("PMEMOBJ_CONF=sds.at_create=1")),
            "env_var PMEMOBJ_CONF should contain 'sds.at_create=0' for non-DCPM storage class, found "
                + "'sds.at_create=1'"),
        new PmdkFail("config for DCPM with forced sds.at_create (0) should fail",
            mock().withStorage(ScmTier.dcpm("/s", "/dev/pmem0")).withEnvVars(List.of("PMEMOBJ_CONF=sds.at_create=0")),
            "env_var PMEMOBJ_CONF should NOT contain 'sds.at_create=?' for DCPM storage class, found "
                + "'sds.at_create=0'"),
        new PmdkFail("invalid config for DCPM should not fail",
            mock().withStorage(ScmTier.dcpm("/s", "/dev/pmem0")).withEnvVars(List.of("ABT_THREAD_STACKSIZE=20479")),
            "env_var ABT_THREAD_STACKSIZE should be >= 20480 for DCPM storage class, found 20479"));
  }

  /** Mirrors failure cases of DAOS TestConfig_UpdatePMDKEnvars*. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pmdkFailures")
  void pmdkFailures(PmdkFail tc) {
    Fault f = assertThrows(Fault.class, () -> EngineCommandLine.builder(server(tc.engine), 0).build().env());
    assertEquals(FaultCode.SERVER_BAD_CONFIG, f.code());
    assertTrue(f.description().contains(tc.expText), f.description());
  }

  @Test
  void localDefaultCommandLine() {
    ServerConfig local = ServerConfig.defaultLocal(Path.of("/tmp/jd")).validate();
    EngineCommandLine cl = EngineCommandLine.builder(local, 0).build();
    assertEquals(List.of("-x", "0", "-t", "1", "-s", "/tmp/jd/scm0", "-g", "daos_server", "-d", "/tmp/jd/run",
        "-n", "/tmp/jd/scm0/daos_nvme.conf", "-I", "0", "-T", "2", "-r", "0", "-H", "0"), cl.argv());
    Map<String, String> env = cl.env();
    assertEquals("ofi+tcp", env.get("D_PROVIDER"));
    assertEquals("lo", env.get("D_INTERFACE"));
    assertEquals("31416", env.get("D_PORT"));
    assertEquals("/tmp/jd/log/daos_engine.0.log", env.get("D_LOG_FILE"));
    assertEquals("AIO", env.get("VOS_BDEV_CLASS"));
  }
}
