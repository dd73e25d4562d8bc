package io.daos.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.server.config.engine.BdevRoles;
import io.daos.server.config.engine.BdevTier;
import io.daos.server.config.engine.FabricConfig;
import io.daos.server.config.engine.StorageClass;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServerConfigParsingTest {
  private static final String ENGINE = "engines:\n"
      + "  - targets: 2\n"
      + "    fabric_iface: lo\n"
      + "    fabric_iface_port: 31416\n"
      + "    storage:\n"
      + "      - class: dir\n"
      + "        scm_mount: /tmp/scm\n";

  @TempDir
  Path dir;

  private ServerConfig load(String yaml) throws IOException {
    Path f = dir.resolve("daos_server.yml");
    Files.writeString(f, yaml);
    return ServerConfig.load(f);
  }

  @Test
  void unknownKeyNamesFileLineAndKey() throws URISyntaxException {
    Path f = Path.of(getClass().getResource("/config/daos_server.yml").toURI());
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.load(f));
    assertTrue(e.getMessage().contains("daos_server.yml:12: unknown key 'tragets' in engines[0]"), e.getMessage());
    assertTrue(e.getMessage().endsWith("(did you mean 'targets'?)"), e.getMessage());
    assertEquals(12, e.line());
  }

  /** jdaos keys of transport_config: the credential policy, with DAOS-compatible defaults when absent. */
  @Test
  void credentialPolicyKeys() throws IOException {
    assertEquals(CredentialPolicy.DEFAULT, load("name: x\ntransport_config:\n  allow_insecure: true\n")
        .transport().credentials());
    CredentialPolicy p = load("name: x\ntransport_config:\n  allow_insecure: true\n  accept_legacy_credentials: false\n"
        + "  credential_clock_skew: 5\n").transport().credentials();
    assertEquals(new CredentialPolicy(false, java.time.Duration.ofSeconds(5)), p);
    // Written back only when set: a DAOS daos_server rejects the keys.
    assertTrue(load("name: x\ntransport_config:\n  accept_legacy_credentials: false\n").toYaml()
        .contains("accept_legacy_credentials: false"));
    assertTrue(!load("name: x\n").toYaml().contains("accept_legacy_credentials"));
    ConfigException e = assertThrows(ConfigException.class, () -> load("name: x\ntransport_config:\n"
        + "  credential_clock_skew: 3600\n"));
    assertTrue(e.getMessage().contains("at most 600 seconds"), e.getMessage());
  }

  record Bad(String name, String yaml, int line, String text) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Bad> badInputs() {
    return Stream.of(
        new Bad("unknown top-level key", "name: x\nprovidr: ofi+tcp\n", 2, "unknown key 'providr'"),
        new Bad("non-int targets", "engines:\n  - targets: two\n", 2, "engines[0].targets: want an integer"),
        new Bad("negative port", "port: -5\n", 1, "must not be negative"),
        new Bad("string port", "port: abc\n", 1, "bad value 'abc' for port"),
        new Bad("bad size string", ENGINE + "      - class: file\n        bdev_size: lots\n"
            + "        bdev_list: [/tmp/b]\n", 9, "bad size 'lots' for engines[0].storage[1].bdev_size"),
        new Bad("negative fabric port", "engines:\n  - fabric_iface_port: -1\n", 2, "cannot be negative"),
        new Bad("bool expected", "disable_vfio: maybe\n", 1, "want true or false"),
        new Bad("unknown storage class", ENGINE + "      - class: floppy\n", 8, "unsupported storage class"),
        new Bad("storage class missing", ENGINE + "      - bdev_list: [a]\n", 8, "missing 'class'"),
        new Bad("scm key on bdev tier", ENGINE + "      - class: file\n        scm_mount: /x\n", 9,
            "unknown key 'scm_mount' in engines[0].storage[1]"),
        new Bad("duplicate key", "name: a\nname: b\n", 2, "duplicate key 'name'"),
        new Bad("yaml syntax error", "name: [unclosed\nport: 1\n", 2, "YAML syntax error"),
        new Bad("engines not a list", "engines: 3\n", 1, "want a list"),
        new Bad("document not a mapping", "- a\n- b\n", 1, "must be a mapping"),
        new Bad("both access_points and mgmt_svc_replicas", "mgmt_svc_replicas: [a]\naccess_points: [b]\n", 2,
            "access_points is deprecated"),
        new Bad("bad env_vars entry", "engines:\n  - env_vars: [NOEQUALS]\n", 2, "want NAME=value"),
        new Bad("bad bdev_roles", ENGINE + "      - class: file\n        bdev_roles: [wall]\n", 9,
            "unknown option flag"),
        new Bad("bad busid range", ENGINE + "      - class: nvme\n        bdev_busid_range: 0x90-0x80\n", 9,
            "invalid busid range"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsAConfigExceptionWithLine(Bad tc) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(tc.yaml));
    assertTrue(e.getMessage().contains(tc.text), e.getMessage());
    assertEquals(tc.line, e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("daos_server.yml:" + tc.line + ": "), e.getMessage());
    assertEquals(io.daos.common.fault.FaultCode.SERVER_BAD_CONFIG, e.toFault().code());
  }

  @Test
  void missingFileSaysWhatToDo() {
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.load(dir.resolve("nope.yml")));
    assertTrue(e.getMessage().contains("nope.yml: config file not found"), e.getMessage());
    assertTrue(e.getMessage().contains("-o"), e.getMessage());
  }

  @Test
  void emptyFileGivesDefaults() throws IOException {
    ServerConfig c = load("");
    assertEquals(ConfigDefaults.SYSTEM_NAME, c.name());
    assertEquals(10001, c.port());
    assertEquals("/var/run/daos_server", c.socketDir());
    assertEquals(List.of("localhost:10001"), c.mgmtSvcReplicas());
    assertEquals("INFO", c.controlLogMask());
    assertEquals(64, c.systemRamReserved());
    assertEquals(300, c.engineAutoRestartMinDelay());
    assertEquals(TransportConfig.DEFAULT, c.transport());
    assertTrue(c.engines().isEmpty());
    c.validate(); // discovery mode
  }

  @Test
  void accessPointsIsAnAlias() throws IOException {
    ServerConfig c = load("access_points: ['h1', 'h2:10005', 'h3']\n");
    assertEquals(List.of("h1", "h2:10005", "h3"), c.mgmtSvcReplicas());
  }

  @Test
  void engineInheritsTopLevelFabric() throws IOException {
    ServerConfig c = load("provider: ofi+tcp\ncrt_timeout: 30\n" + ENGINE);
    FabricConfig f = c.engineFabric(0);
    assertEquals("ofi+tcp", f.provider());
    assertEquals(30, f.crtTimeout());
    assertEquals("lo", f.fabricIface());
    assertEquals(31416, f.fabricIfacePort());
    assertEquals("", c.engines().get(0).fabric().provider());
  }

  @Test
  void storageTiersAndSizes() throws IOException {
    ServerConfig c = load(ENGINE + "      - class: file\n        bdev_size: 16GiB\n        bdev_list: [/tmp/b]\n"
        + "        bdev_roles: [wal, data, meta]\n");
    EngineConfig e = c.engines().get(0);
    assertEquals(StorageClass.DIR, e.scmTier().storageClass());
    BdevTier b = e.bdevTiers().get(0);
    assertEquals(1, b.tier());
    assertEquals(16, b.bdevSize());
    assertEquals(BdevRoles.ALL, b.bdevRoles().bits());
    assertEquals("AIO", e.vosBdevClass());
    assertEquals(Path.of("/tmp/scm/daos_nvme.conf"), c.engineNvmeConfigPath(0));
    assertNull(c.engines().get(0).firstCore());
  }

  @Test
  void defaultLocalRoundTripsThroughYaml() throws IOException {
    ServerConfig local = ServerConfig.defaultLocal(dir.resolve("state")).validate();
    Path f = dir.resolve("out/daos_server.yml");
    local.writeYaml(f);
    ServerConfig back = ServerConfig.load(f).validate();
    assertEquals(local.toYaml(), back.toYaml());
    EngineConfig e = back.engines().get(0);
    assertEquals(1, e.targets());
    assertEquals(0, e.nrXsHelpers());
    assertEquals(dir.resolve("state/scm0").toString(), e.scmTier().scmMount());
    assertEquals(List.of(dir.resolve("state/bdev0.img").toString()), e.bdevTiers().get(0).bdevList());
    assertEquals(4, e.bdevTiers().get(0).bdevSize());
    assertEquals("ofi+tcp", back.engineFabric(0).provider());
    assertEquals("lo", back.engineFabric(0).fabricIface());
    assertEquals(31416, back.engineFabric(0).fabricIfacePort());
    assertEquals(dir.resolve("state/run").toString(), back.socketDir());
    assertTrue(back.transport().allowInsecure());
    assertEquals(List.of("localhost:10001"), back.mgmtSvcReplicas());
  }
}
