package io.daos.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.daos.engine.log.EngineLogLevels;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineEnvTest {
  @Test
  void defaults() throws Exception {
    assertEquals(new EngineEnv("ofi+tcp", "lo", 0, "", "ERR", 60), EngineEnv.from(Map.of()));
  }

  @Test
  void mapRamBlobIsOptIn() throws Exception {
    assertFalse(EngineEnv.from(Map.of()).mapRamBlob());
    assertFalse(EngineEnv.from(Map.of("JDAOS_MAP_RAM_BLOB", "no")).mapRamBlob());
    assertTrue(EngineEnv.from(Map.of("JDAOS_MAP_RAM_BLOB", "yes")).mapRamBlob());
    assertTrue(EngineEnv.from(Map.of("JDAOS_MAP_RAM_BLOB", " 1 ")).mapRamBlob());
  }

  @Test
  void zeroCrtTimeoutIsTheDefault() throws Exception {
    // daos_server passes CRT_TIMEOUT=0 when crt_timeout is not set; CaRT then uses its 60 s default.
    assertEquals(60, EngineEnv.from(Map.of("CRT_TIMEOUT", "0")).crtTimeoutSec());
  }

  @Test
  void readsDaosVariables() throws Exception {
    EngineEnv e = EngineEnv.from(Map.of("D_PROVIDER", "ofi+tcp;ofi_rxm", "D_INTERFACE", "eth0", "D_PORT", "31416",
        "D_LOG_FILE", "/tmp/engine.log", "D_LOG_MASK", "INFO", "CRT_TIMEOUT", "30"));
    assertEquals(new EngineEnv("ofi+tcp;ofi_rxm", "eth0", 31416, "/tmp/engine.log", "INFO", 30), e);
  }

  @Test
  void unsupportedProviderIsClear() {
    EngineUsageException e = assertThrows(EngineUsageException.class,
        () -> EngineEnv.from(Map.of("D_PROVIDER", "ofi+verbs;ofi_rxm")));
    assertTrue(e.getMessage().contains("not supported"), e.getMessage());
  }

  @Test
  void badPortNamesTheVariable() {
    EngineUsageException e = assertThrows(EngineUsageException.class, () -> EngineEnv.from(Map.of("D_PORT", "x")));
    assertTrue(e.getMessage().startsWith("D_PORT=x"), e.getMessage());
    assertThrows(EngineUsageException.class, () -> EngineEnv.from(Map.of("D_PORT", "70000")));
  }

  @Test
  void readsSwimVariables() throws Exception {
    EngineEnv e = EngineEnv.from(Map.of("SWIM_PROTOCOL_PERIOD_LEN", "200", "SWIM_PING_TIMEOUT", "150",
        "SWIM_SUSPECT_TIMEOUT", "2000"));
    assertEquals(new io.daos.engine.swim.SwimConfig(200, 150, 2000, 2, 8, 50), e.swim());
    assertEquals(io.daos.engine.swim.SwimConfig.DEFAULTS, EngineEnv.from(Map.of()).swim());
  }

  @Test
  void badSwimVariableNamesIt() {
    EngineUsageException e = assertThrows(EngineUsageException.class,
        () -> EngineEnv.from(Map.of("SWIM_PING_TIMEOUT", "soon")));
    assertTrue(e.getMessage().startsWith("SWIM_PING_TIMEOUT=soon"), e.getMessage());
    assertThrows(EngineUsageException.class, () -> EngineEnv.from(Map.of("SWIM_PROTOCOL_PERIOD_LEN", "0")));
  }

  @Test
  void fabricAddress() throws Exception {
    assertEquals("127.0.0.1", FabricAddress.resolve("lo").getHostAddress());
    assertEquals("127.0.0.2", FabricAddress.resolve("127.0.0.2").getHostAddress());
    EngineUsageException e = assertThrows(EngineUsageException.class, () -> FabricAddress.resolve("nosuch0"));
    assertTrue(e.getMessage().contains("no such network interface"), e.getMessage());
  }

  @Test
  void logMasks() {
    assertEquals(new EngineLogLevels(Level.ERROR, Map.of()), EngineLogLevels.parse("ERR"));
    assertEquals(new EngineLogLevels(Level.INFO, Map.of("mgmt", Level.DEBUG)),
        EngineLogLevels.parse("NOTE, mgmt=DBUG"));
    assertEquals(new EngineLogLevels(Level.WARN, Map.of()), EngineLogLevels.parse("warn"));
    assertEquals(new EngineLogLevels(Level.ERROR, Map.of()), EngineLogLevels.parse("EMRG"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EngineLogLevels.parse("LOUD"));
    assertTrue(e.getMessage().contains("unknown log priority 'LOUD'"), e.getMessage());
  }

  @Test
  void rdbElectionTimeoutIsDaosDefaultUnlessSet() throws EngineUsageException {
    assertEquals(java.time.Duration.ofMillis(7000), EngineEnv.from(Map.of()).rdbElectionTimeout());
    assertEquals(java.time.Duration.ofMillis(7000), EngineEnv.from(Map.of("RDB_ELECTION_TIMEOUT", "0"))
        .rdbElectionTimeout());
    assertEquals(java.time.Duration.ofMillis(1500), EngineEnv.from(Map.of("RDB_ELECTION_TIMEOUT", "1500"))
        .rdbElectionTimeout());
    EngineUsageException e = assertThrows(EngineUsageException.class,
        () -> EngineEnv.from(Map.of("RDB_ELECTION_TIMEOUT", "7s")));
    assertTrue(e.getMessage().contains("RDB_ELECTION_TIMEOUT"), e.getMessage());
  }
}
