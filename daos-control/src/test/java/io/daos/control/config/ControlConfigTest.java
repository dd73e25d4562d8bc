package io.daos.control.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ControlConfigTest {
  @TempDir
  Path tmp;

  @Test
  void defaultsAsDaos() {
    ControlConfig c = ControlConfig.defaults();
    assertEquals("daos_server", c.systemName());
    assertEquals(10001, c.port());
    assertEquals(List.of("localhost:10001"), c.hostList());
    assertFalse(c.transport().allowInsecure());
    assertEquals("/etc/daos/certs/daosCA.crt", c.transport().caCert());
    assertEquals("/etc/daos/certs/admin.crt", c.transport().cert());
    assertEquals("/etc/daos/certs/admin.key", c.transport().key());
    assertEquals(Optional.empty(), c.path());
  }

  @Test
  void parsesExampleFile() {
    ControlConfig c = ControlConfig.parse("""
        name: daos_server
        port: 10002
        hostlist: ['node[1-3]', 'other:9999']
        transport_config:
          allow_insecure: true
          ca_cert: /tmp/ca.crt
        """, "test.yml");
    assertEquals(10002, c.port());
    assertEquals(List.of("node1:10002", "node2:10002", "node3:10002", "other:9999"), c.hostAddresses());
    assertTrue(c.transport().allowInsecure());
    assertEquals("/tmp/ca.crt", c.transport().caCert());
    assertEquals("/etc/daos/certs/admin.crt", c.transport().cert());
  }

  record BadCase(String name, String yaml, String expText) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<BadCase> badCases() {
    return Stream.of(
        new BadCase("unknown key", "name: x\nhostlst: [a]\n",
            "test.yml: line 2: field hostlst not found in type control.Config"),
        new BadCase("unknown nested key", "transport_config:\n  allow_insecure: true\n  certs: x\n",
            "line 3: field certs not found in type security.TransportConfig"),
        new BadCase("port not a number", "port: abc\n", "line 1: cannot unmarshal !!str `abc` into int"),
        new BadCase("hostlist not a list", "hostlist: node1\n", "line 1: cannot unmarshal !!str `node1` into []string"),
        new BadCase("duplicate key", "port: 1\nport: 2\n", "line 2: key \"port\" already set"),
        new BadCase("bad yaml", "name: [unclosed\n", "failed to load control configuration test.yml"),
        new BadCase("system name too long", "name: a_very_long_system_name\n", "invalid system name"),
        new BadCase("bad host", "hostlist: ['node[5-1]']\n", "invalid hostlist"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCases")
  void strictErrors(BadCase tc) {
    Fault f = assertThrows(Fault.class, () -> ControlConfig.parse(tc.yaml(), "test.yml"));
    assertTrue(f.description().contains(tc.expText()), f.description());
    assertFalse(f.resolution().isEmpty());
  }

  @Test
  void zeroPortIsBadControlPort() {
    assertEquals(FaultCode.CLIENT_CONFIG_BAD_CONTROL_PORT,
        assertThrows(Fault.class, () -> ControlConfig.parse("port: 0\n", "t")).code());
  }

  @Test
  void searchOrderExplicitThenUserThenSystem() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path etc = Files.createDirectories(tmp.resolve("etc"));
    assertEquals(Optional.empty(), ControlConfig.load(null, home, List.of(etc)).path());

    Files.writeString(etc.resolve("daos_control.yml"), "port: 10003\n");
    assertEquals(10003, ControlConfig.load(null, home, List.of(etc)).port());

    Files.writeString(home.resolve(".daos_control.yml"), "port: 10004\n");
    assertEquals(10004, ControlConfig.load(null, home, List.of(etc)).port());

    Path explicit = Files.writeString(tmp.resolve("mine.yml"), "port: 10005\n");
    ControlConfig c = ControlConfig.load(explicit, home, List.of(etc));
    assertEquals(10005, c.port());
    assertEquals(Optional.of(explicit), c.path());
  }

  @Test
  void missingExplicitFileAndEmptyFile() throws Exception {
    Fault missing = assertThrows(Fault.class,
        () -> ControlConfig.load(tmp.resolve("nope.yml"), tmp, List.of()));
    assertTrue(missing.description().contains("nope.yml"), missing.description());
    Path empty = Files.writeString(tmp.resolve("empty.yml"), "");
    assertTrue(assertThrows(Fault.class, () -> ControlConfig.load(empty, tmp, List.of())).description()
        .startsWith("empty config file"));
  }
}
