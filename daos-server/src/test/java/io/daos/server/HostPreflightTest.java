package io.daos.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.Ports;
import io.daos.common.fault.Fault;
import io.daos.server.config.EngineConfig;
import io.daos.server.engine.FakeEngineLauncher;
import io.daos.server.config.ServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host settings a config needs are checked at start-up and name the key, the value and the fix. */
class HostPreflightTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @TempDir
  Path state;

  private ServerConfig local(int controlPort, int fabricPort) {
    ServerConfig c = ServerConfig.defaultLocal(state).withPort(controlPort)
        .withMgmtSvcReplicas(List.of("127.0.0.1:" + controlPort));
    EngineConfig e = c.engines().get(0);
    return c.withEngine(0, e.withFabric(e.fabric().withIface("lo").withPort(fabricPort))).validate();
  }

  private static Fault fails(ServerConfig cfg) {
    return assertThrows(Fault.class, () -> HostPreflight.check(cfg, ControlAddress.of(cfg)));
  }

  /**
   * A control port whose MS Raft port (+1) is free too, below the kernel's ephemeral range: a port the kernel hands
   * out may be taken by an outgoing connection's source port (seen as the MS Raft port named instead of the port a
   * test holds).
   */
  private static int freePort() throws IOException {
    return Ports.freePair();
  }

  @Test
  void fabricPortInUseNamesTheKeyAndTheFix() throws IOException {
    try (ServerSocket busy = new ServerSocket()) {
      busy.bind(new InetSocketAddress("127.0.0.1", 0));
      int p = busy.getLocalPort();
      Fault f = fails(local(freePort(), p));
      assertTrue(f.getMessage().contains("engines[0].fabric_iface_port: engine 0's fabric port 127.0.0.1:" + p
          + " is already in use"), f.getMessage());
      assertTrue(f.resolution().contains("stop the process that listens on port " + p), f.resolution());
    }
  }

  @Test
  void poolServiceRaftPortInUseIsNamed() throws IOException {
    int p = Ports.freePair();
    try (ServerSocket busy = new ServerSocket()) {
      busy.bind(new InetSocketAddress("127.0.0.1", p + 1));
      Fault f = fails(local(freePort(), p));
      assertTrue(f.getMessage().contains("pool service Raft port (fabric port + 1) 127.0.0.1:" + (p + 1)),
          f.getMessage());
    }
  }

  @Test
  void controlPortInUseNamesPort() throws IOException {
    try (ServerSocket busy = new ServerSocket(0)) {
      int p = busy.getLocalPort();
      Fault f = fails(local(p, 31416));
      assertTrue(f.getMessage().contains("port: the control port 0.0.0.0:" + p + " is already in use"),
          f.getMessage());
      assertTrue(f.resolution().contains("another daos_server"), f.resolution());
    }
  }

  @Test
  void missingInterfaceNamesTheKeyAndTheFix() throws IOException {
    ServerConfig c = local(freePort(), 31416);
    EngineConfig e = c.engines().get(0);
    Fault f = fails(c.withEngine(0, e.withFabric(e.fabric().withIface("nosuch0"))));
    assertTrue(f.getMessage().contains("engines[0].fabric_iface \"nosuch0\": no such network interface"),
        f.getMessage());
    assertTrue(f.resolution().contains("ip addr"), f.resolution());
  }

  @Test
  void relativePathsAreRefused() throws IOException {
    ServerConfig c = local(freePort(), 31416);
    Fault f = fails(c.withEngine(0, c.engines().get(0).withLogFile("engine.log")));
    assertTrue(f.getMessage().contains("engines[0].log_file \"engine.log\" is a relative path"), f.getMessage());
    assertTrue(f.resolution().contains("absolute path"), f.resolution());
  }

  @Test
  void serverStartFailsWithinTheDeadlineWhenTheFabricPortIsTaken() throws IOException {
    try (ServerSocket busy = new ServerSocket()) {
      busy.bind(new InetSocketAddress("127.0.0.1", 0));
      ServerConfig cfg = local(freePort(), busy.getLocalPort());
      Fault f = assertTimeoutPreemptively(DEADLINE, () -> assertThrows(Fault.class, () -> {
        try (DaosServer s = DaosServer.builder().config(cfg).launcher(new FakeEngineLauncher()).build()) {
          s.start();
        }
      }));
      assertTrue(f.getMessage().contains("is already in use"), f.getMessage());
    }
  }
}
