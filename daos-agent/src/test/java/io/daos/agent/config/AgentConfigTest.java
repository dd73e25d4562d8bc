package io.daos.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AgentConfigTest {
  @TempDir
  Path dir;

  private static final String ALL_OPTIONS = """
      name: shire
      access_points: ["one:10001", "two:10001"]
      port: 4242
      runtime_dir: /tmp/runtime
      log_file: /home/frodo/logfile
      control_log_mask: debug
      disable_caching: true
      cache_expiration: 30
      disable_auto_evict: true
      enable_evict_on_start: true
      credential_config:
        cache_expiration: 10m
        client_user_map:
          1000:
            user: frodo
            group: baggins
            groups: ["ringbearers"]
          default:
            user: nobody
            group: nogroup
      transport_config:
        allow_insecure: true
      exclude_fabric_ifaces: ["ib3"]
      fabric_ifaces:
      -
        numa_node: 0
        devices:
        -
          iface: ib0
          domain: mlx5_0
        -
          iface: ib1
          domain: mlx5_1
      -
        numa_node: 1
        devices:
        -
          iface: ib2
      telemetry_port: 9192
      telemetry_enabled: true
      telemetry_retain: 1m
      """;

  @Test
  void defaults() {
    AgentConfig d = AgentConfig.defaults();
    assertEquals("daos_server", d.name());
    assertEquals(List.of("localhost:10001"), d.accessPoints());
    assertEquals(10001, d.port());
    assertEquals("/var/run/daos_agent", d.runtimeDir());
    assertEquals(Path.of("/var/run/daos_agent/daos_agent.sock"), d.socketPath());
    assertFalse(d.transport().allowInsecure());
    assertEquals("/etc/daos/certs/agent.crt", d.transport().cert());
    assertEquals("/etc/daos/certs/agent.key", d.transport().key());
    assertEquals("/etc/daos/certs/daosCA.crt", d.transport().caCert());
    assertEquals(Duration.ZERO, d.cacheExpiration());
  }

  @Test
  void shippedSampleParses() {
    Path sample = Path.of(System.getProperty("user.dir")).resolveSibling("config").resolve("daos_agent.yml");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(sample), "no config/daos_agent.yml");
    AgentConfig c = AgentConfig.load(sample);
    assertTrue(c.transport().allowInsecure());
    assertEquals("/tmp/jdaos/agent", c.runtimeDir());
  }

  // TestAgent_LoadConfig
  @Test
  void badPath() {
    AgentConfigException e = assertThrows(AgentConfigException.class, () -> AgentConfig.load(dir.resolve("nope")));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }

  @Test
  void notAConfigFile() throws Exception {
    AgentConfigException e = assertThrows(AgentConfigException.class,
        () -> AgentConfig.load(write("some random text\n")));
    assertTrue(e.getMessage().contains("yaml: unmarshal error"), e.getMessage());
  }

  @Test
  void emptyConfigFile() throws Exception {
    assertEquals(AgentConfig.defaults(), AgentConfig.load(write("")));
  }

  @Test
  void withoutOptionalItems() throws Exception {
    AgentConfig c = AgentConfig.load(write("""
        name: shire
        access_points: ["one:10001", "two:10001"]
        port: 4242
        runtime_dir: /tmp/runtime
        log_file: /home/frodo/logfile
        transport_config:
          allow_insecure: true
        """));
    assertEquals("shire", c.name());
    assertEquals(List.of("one:10001", "two:10001"), c.accessPoints());
    assertEquals(4242, c.port());
    assertEquals("/tmp/runtime", c.runtimeDir());
    assertEquals("/home/frodo/logfile", c.logFile());
    assertTrue(c.transport().allowInsecure());
    assertEquals("/etc/daos/certs/agent.key", c.transport().key());
    assertEquals(CredentialConfig.NONE, c.credentialConfig());
  }

  @Test
  void badLogMask() throws Exception {
    AgentConfigException e = assertThrows(AgentConfigException.class,
        () -> AgentConfig.load(write("control_log_mask: observe\n")));
    assertTrue(e.getMessage().contains("not a valid log level"), e.getMessage());
  }

  @Test
  void badFilterConfig() throws Exception {
    AgentConfigException e = assertThrows(AgentConfigException.class,
        () -> AgentConfig.load(write("exclude_fabric_ifaces: [\"ib0\"]\ninclude_fabric_ifaces: [\"ib1\"]\n")));
    assertTrue(e.getMessage().contains("cannot specify both exclude_fabric_ifaces and include_fabric_ifaces"));
  }

  @Test
  void allOptions() throws Exception {
    AgentConfig c = AgentConfig.load(write(ALL_OPTIONS));
    assertEquals("DEBUG", c.controlLogMask().toUpperCase());
    assertTrue(c.disableCaching());
    assertEquals(Duration.ofMinutes(30), c.cacheExpiration());
    assertTrue(c.disableAutoEvict());
    assertTrue(c.enableEvictOnStart());
    assertEquals(Duration.ofMinutes(10), c.credentialConfig().cacheExpiration());
    assertEquals("frodo", c.credentialConfig().lookup(1000).orElseThrow().user());
    assertEquals(List.of("ringbearers"), c.credentialConfig().lookup(1000).orElseThrow().groups());
    assertEquals("nobody", c.credentialConfig().lookup(1234).orElseThrow().user());
    assertEquals(Set.of("ib3"), c.excludeFabricIfaces());
    assertEquals(2, c.fabricIfaces().size());
    assertEquals(new NumaFabricConfig.Device("ib0", "mlx5_0"), c.fabricIfaces().get(0).devices().get(0));
    assertEquals(new NumaFabricConfig.Device("ib2", "ib2"), c.fabricIfaces().get(1).devices().get(0));
    assertEquals(9192, c.telemetry().port());
    assertTrue(c.telemetry().enabled());
    assertEquals(Duration.ofMinutes(1), c.telemetry().retain());
  }

  @Test
  void unknownKeyNamesKeyAndLine() {
    AgentConfigException e = assertThrows(AgentConfigException.class,
        () -> AgentConfig.parse("name: shire\nruntime_dri: /tmp\n", "agent.yml"));
    assertTrue(e.getMessage().contains("agent.yml: line 2: field runtime_dri not found in type main.Config"),
        e.getMessage());
  }

  @Test
  void unknownNestedKey() {
    AgentConfigException e = assertThrows(AgentConfigException.class,
        () -> AgentConfig.parse("transport_config:\n  allow_insecure: true\n  crt: x\n", "agent.yml"));
    assertTrue(e.getMessage().contains("line 3: field crt not found in type security.TransportConfig"),
        e.getMessage());
  }

  /** jdaos extension: credential_config.validity, default two minutes; the window must stay within a day. */
  @Test
  void credentialValidity() throws Exception {
    assertEquals(CredentialConfig.DEFAULT_VALIDITY, AgentConfig.parse("name: shire\n", "agent.yml")
        .credentialConfig().validity());
    assertEquals(java.time.Duration.ofSeconds(45), AgentConfig.parse("credential_config:\n  validity: 45s\n",
        "agent.yml").credentialConfig().validity());
    AgentConfigException e = assertThrows(AgentConfigException.class, () -> AgentConfig.parse(
        "credential_config:\n  cache_expiration: 24h\n  validity: 1m\n", "agent.yml"));
    assertTrue(e.getMessage().contains("shorten cache_expiration"), e.getMessage());
    e = assertThrows(AgentConfigException.class, () -> AgentConfig.parse(
        "credential_config:\n  validity: 0s\n", "agent.yml"));
    assertTrue(e.getMessage().contains("validity must be positive"), e.getMessage());
  }

  @Test
  void reservedUidInUserMap() {
    AgentConfigException e = assertThrows(AgentConfigException.class, () -> AgentConfig.parse(
        "credential_config:\n  client_user_map:\n    4294967295:\n      user: x\n", "agent.yml"));
    assertTrue(e.getMessage().contains("uid 4294967295 is reserved"), e.getMessage());
  }

  @Test
  void invalidSystemName() {
    AgentConfigException e = assertThrows(AgentConfigException.class,
        () -> AgentConfig.parse("name: this_name_is_far_too_long\n", "agent.yml"));
    assertTrue(e.getMessage().contains("invalid system name"), e.getMessage());
  }

  @Test
  void wrongType() {
    AgentConfigException e = assertThrows(AgentConfigException.class,
        () -> AgentConfig.parse("port: many\n", "agent.yml"));
    assertTrue(e.getMessage().contains("line 1: yaml: unmarshal error: cannot unmarshal !!str `many` into int"),
        e.getMessage());
  }

  record TelemetryCase(String name, String yaml, String expErr, TelemetryConfig exp) {
    @Override
    public String toString() {
      return name;
    }
  }

  // TestAgent_ReadConfig
  static Stream<TelemetryCase> telemetryCases() {
    return Stream.of(
        new TelemetryCase("empty", "", null, TelemetryConfig.DISABLED),
        new TelemetryCase("telemetry enabled with no port", "telemetry_enabled: true\n",
            "telemetry_enabled requires telemetry_port", null),
        new TelemetryCase("telemetry retain set without enable", "telemetry_retain: 1\n",
            "telemetry_retain requires telemetry_enabled: true", null),
        new TelemetryCase("telemetry enable pattern without enable", "telemetry_enabled_procs: foo\n",
            "cannot specify telemetry_enabled_procs without telemetry_enabled", null),
        new TelemetryCase("invalid enable pattern", "telemetry_enabled: true\ntelemetry_port: 9191\n"
            + "telemetry_enabled_procs: \"(foo\"\n", "invalid regular expression", null),
        new TelemetryCase("telemetry enabled and disabled patterns specified", "telemetry_enabled: true\n"
            + "telemetry_port: 9191\ntelemetry_enabled_procs: foo\ntelemetry_disabled_procs: bar\n",
            "cannot specify both telemetry_enabled_procs and telemetry_disabled_procs", null),
        new TelemetryCase("telemetry disabled pattern without enable", "telemetry_disabled_procs: foo\n",
            "cannot specify telemetry_disabled_procs without telemetry_enabled", null),
        new TelemetryCase("invalid disabled pattern", "telemetry_enabled: true\ntelemetry_port: 9191\n"
            + "telemetry_disabled_procs: \"(foo\"\n", "invalid regular expression", null),
        new TelemetryCase("empty disabled pattern", "telemetry_enabled: true\ntelemetry_port: 9191\n"
            + "telemetry_disabled_procs: \"\"\n", "empty regular expression", null),
        new TelemetryCase("invalid retain value", "telemetry_enabled: true\ntelemetry_port: 9191\n"
            + "telemetry_retain: 1z\n", "time.Duration", null),
        new TelemetryCase("minimal telemetry config", "telemetry_enabled: true\ntelemetry_port: 9191\n", null,
            new TelemetryConfig(9191, true, Duration.ZERO, null, null)),
        new TelemetryCase("telemetry config with retain duration", "telemetry_enabled: true\n"
            + "telemetry_port: 9191\ntelemetry_retain: 1h\n", null,
            new TelemetryConfig(9191, true, Duration.ofHours(1), null, null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("telemetryCases")
  void readConfigTelemetry(TelemetryCase tc) {
    if (tc.expErr() != null) {
      AgentConfigException e = assertThrows(AgentConfigException.class,
          () -> AgentConfig.parse(tc.yaml(), "test.yml"));
      assertTrue(e.getMessage().contains(tc.expErr()), e.getMessage());
      return;
    }
    TelemetryConfig got = AgentConfig.parse(tc.yaml(), "test.yml").telemetry();
    assertEquals(tc.exp().port(), got.port());
    assertEquals(tc.exp().enabled(), got.enabled());
    assertEquals(tc.exp().retain(), got.retain());
    assertNull(got.enabledProcs());
  }

  @Test
  void telemetryConfigWithEnabledPattern() {
    TelemetryConfig got = AgentConfig.parse("telemetry_enabled: true\ntelemetry_port: 9191\n"
        + "telemetry_enabled_procs: ^foo$\n", "test.yml").telemetry();
    assertTrue(got.enabledProcs().matcher("foo").matches());
  }

  private Path write(String text) throws Exception {
    Path f = dir.resolve("daos_agent.yml");
    Files.writeString(f, text);
    return f;
  }
}
