package io.daos.server.engine;

import io.daos.drpc.server.DrpcRegistry;
import io.daos.server.config.BdevTier;
import io.daos.server.config.EngineConfig;
import io.daos.server.config.ScmTier;
import io.daos.server.drpc.ServerDrpcListener;
import io.daos.server.drpc.SrvDrpcHandlers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One server's engine side wired as the server does it: a dir+file engine in a temp dir, the harness,
 * daos_server.sock with the SRV handlers, a fake MS and the in-process fake engine launcher.
 */
public final class HarnessFixture implements AutoCloseable {
  public final Path scm;
  public final Path bdev;
  public final Path socketDir;
  public final FakeMgmtService ms = new FakeMgmtService();
  public final FakeEngineLauncher launcher = new FakeEngineLauncher();
  public final RasPublisher events = new RasPublisher(ms);
  public final EngineInstance instance;
  public final EngineHarness harness;
  public final EngineConfig engineConfig;
  private final ServerDrpcListener listener;

  public HarnessFixture(Path tmp) throws IOException {
    scm = tmp.resolve("scm0");
    bdev = tmp.resolve("bdev/daos-bdev0");
    socketDir = tmp.resolve("sock");
    engineConfig = EngineConfig.builder().targets(1)
        .storage(List.of(ScmTier.dir(scm.toString()), BdevTier.file(1, 1, bdev.toString()))).build();
    EngineStorage storage = new LocalEngineStorage(0, engineConfig, scm.resolve("daos_nvme.conf"), "host");
    instance = EngineInstance.builder(0).storage(storage).launcher(launcher)
        .launchSpecs(chk -> new EngineLaunchSpec(0, List.of("-d", socketDir.toString(), "-I", "0"), Map.of(), ""))
        .mgmtClient(ms).events(events).systemName("daos_server").controlAddr("127.0.0.1:10001").hostname("host")
        .bootstrapRankZero(true).stopTimeout(Duration.ofSeconds(5)).build();
    harness = new EngineHarness().add(instance);
    listener = new ServerDrpcListener(socketDir, SrvDrpcHandlers.register(new DrpcRegistry(), harness, ms));
    Files.createDirectories(socketDir);
    Files.createFile(socketDir.resolve("daos_engine_1.sock"));
    listener.start();
  }

  public void start() {
    harness.start();
  }

  /** Polls {@code cond} every 10 ms for up to 10 s. */
  public static void await(String what, BooleanSupplier cond) {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    harness.close();
    listener.close();
  }
}
