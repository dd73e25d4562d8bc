package io.daos.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.server.config.engine.StorageClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every sample in the top-level config/ folder loads, and the local ones validate. */
class SampleConfigsTest {
  static Path configDir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("config/daos_server.yml")) && Files.isDirectory(p.resolve("daos-server"))) {
        return p.resolve("config");
      }
    }
    throw new IllegalStateException("cannot find the top-level config/ folder from " + Path.of("").toAbsolutePath());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"daos_server.yml", "daos_server_multi_engine.yml"})
  void localSamplesLoadAndValidate(String name) {
    ServerConfig c = ServerConfig.loadAndValidate(configDir().resolve(name));
    assertTrue(c.transport().allowInsecure());
    for (EngineConfig e : c.engines()) {
      assertEquals(StorageClass.DIR, e.scmTier().storageClass());
      assertEquals(StorageClass.FILE, e.bdevTiers().get(0).storageClass());
    }
  }

  @Test
  void tcpSampleLoadsWithDaosKeys() {
    ServerConfig c = ServerConfig.load(configDir().resolve("daos_server_tcp.yml"));
    assertEquals(List.of("server-1", "server-2", "server-3"), c.mgmtSvcReplicas());
    assertEquals("ofi+tcp", c.fabric().provider());
    assertEquals(9191, c.telemetryPort());
    assertEquals(2, c.engines().size());
    EngineConfig e = c.engines().get(1);
    assertEquals(StorageClass.RAM, e.scmTier().storageClass());
    assertEquals(64, e.scmTier().scmSize());
    assertEquals(StorageClass.NVME, e.bdevTiers().get(0).storageClass());
    assertEquals(List.of("FI_SOCKETS_MAX_CONN_RETRY=1", "FI_SOCKETS_CONN_TIMEOUT=2000"), e.envVars());
    ServerConfig v = c.validate();
    assertEquals("server-1:10001", v.mgmtSvcReplicas().get(0));
  }

  @Test
  void multiEngineSampleUsesDistinctResources() {
    ServerConfig c = ServerConfig.load(configDir().resolve("daos_server_multi_engine.yml"));
    assertFalse(c.engineFabric(0).equals(c.engineFabric(1)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"daos_agent.yml", "daos_control.yml"})
  void clientSamplesAreYamlMappings(String name) throws Exception {
    Object doc = new org.yaml.snakeyaml.Yaml().load(Files.readString(configDir().resolve(name)));
    assertTrue(doc instanceof java.util.Map<?, ?> m && "daos_server".equals(m.get("name")), name);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"daos_server.service", "daos_agent.service"})
  void systemdUnitsStartTheDaemons(String name) throws Exception {
    String unit = Files.readString(configDir().resolve(name));
    assertTrue(unit.contains("ExecStart=/usr/bin/" + name.replace(".service", "")), unit);
    assertTrue(unit.contains("LimitMEMLOCK=infinity"), unit);
  }
}
