package io.daos.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.proto.srv.NotifyReadyReq;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** daos_engine as a real child process: exit codes, signals, and the stdin watchdog. */
class EngineProcessTest {
  @TempDir
  Path dir;
  private FakeServerSocket fakeServer;
  private Process engine;

  @BeforeEach
  void startFakeServer() throws IOException {
    fakeServer = FakeServerSocket.start(dir);
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (engine != null) {
      engine.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    fakeServer.close();
  }

  private Process launch(String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        "io.daos.engine.DaosEngineMain"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("engine.out").toFile());
    pb.environment().put("D_INTERFACE", "lo");
    pb.environment().put("D_LOG_FILE", dir.resolve("engine.log").toString());
    pb.environment().put("D_LOG_MASK", "INFO");
    return pb.start();
  }

  private Path startEngine() throws Exception {
    engine = launch("-t", "1", "-d", dir.toString());
    NotifyReadyReq req = fakeServer.awaitReady(30);
    Path sock = Path.of(req.getDrpcListenerSock());
    assertEquals(dir.resolve("daos_engine_" + engine.pid() + ".sock"), sock);
    assertTrue(Files.exists(sock));
    return sock;
  }

  @Test
  void exitsCleanlyOnSigterm() throws Exception {
    Path sock = startEngine();
    engine.destroy(); // SIGTERM
    assertTrue(engine.waitFor(20, TimeUnit.SECONDS));
    assertEquals(0, engine.exitValue(), Files.readString(dir.resolve("engine.out")));
    assertFalse(Files.exists(sock));
    assertTrue(Files.readString(dir.resolve("engine.log")).contains("shutting down"));
  }

  @Test
  void exitsWhenDaosServerPipeCloses() throws Exception {
    Path sock = startEngine();
    engine.getOutputStream().close(); // what the kernel does when daos_server dies
    assertTrue(engine.waitFor(20, TimeUnit.SECONDS));
    assertEquals(0, engine.exitValue());
    assertFalse(Files.exists(sock));
  }

  @Test
  void usageErrorExitsOne() throws Exception {
    engine = launch("--targets=many");
    assertTrue(engine.waitFor(20, TimeUnit.SECONDS));
    assertEquals(1, engine.exitValue());
    assertTrue(Files.readString(dir.resolve("engine.out")).contains("invalid numeric value: many"));
  }
}
