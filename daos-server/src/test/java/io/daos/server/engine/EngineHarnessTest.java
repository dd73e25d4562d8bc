package io.daos.server.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.drpc.DrpcMethod;
import io.daos.server.config.EngineConfig;
import io.daos.server.config.engine.ScmTier;
import io.daos.server.engine.launch.EngineProcess;
import io.daos.server.engine.launch.Signal;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineHarnessTest {
  private static final byte[] OK = {8, 0};

  /** One mock instance: its flags and the error its CallDrpc returns. */
  record Mic(boolean started, boolean ready, Supplier<Exception> err) {
    static Mic isReady() {
      return new Mic(true, true, () -> null);
    }

    static Mic readyErr(Supplier<Exception> err) {
      return new Mic(true, true, err);
    }

    static Mic started(Supplier<Exception> err) {
      return new Mic(true, false, err);
    }

    static Mic stopped(Supplier<Exception> err) {
      return new Mic(false, false, err);
    }
  }

  record Case(String name, List<Mic> mics, boolean notStarted, boolean expFailHandler, Class<?> expErr,
      String expMsg) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Supplier<Exception> drpcNotReady() {
    return () -> new EngineUnavailableException(EngineUnavailableException.Kind.DRPC_NOT_READY);
  }

  static Supplier<Exception> engineNotReady() {
    return () -> new EngineUnavailableException(EngineUnavailableException.Kind.ENGINE_NOT_READY);
  }

  static Supplier<Exception> dataPlaneNotStarted() {
    return EngineFaults::dataPlaneNotStarted;
  }

  static Stream<Case> TestServer_Harness_CallDrpc() {
    String dnr = "dRPC socket not ready (data plane not started?)";
    String enr = "engine not ready yet";
    String dpns = EngineFaults.dataPlaneNotStarted().getMessage();
    return Stream.of(
        new Case("success", List.of(Mic.isReady()), false, false, null, null),
        new Case("one not ready, one ready", List.of(Mic.readyErr(drpcNotReady()), Mic.isReady()), false, false, null,
            null),
        new Case("instance not ready", List.of(Mic.started(engineNotReady())), false, false,
            EngineUnavailableException.class, enr),
        new Case("harness not started", List.of(), true, false, Fault.class,
            EngineFaults.harnessNotStarted().getMessage()),
        new Case("first fails (other)", List.of(Mic.readyErr(() -> new IOException("whoops")), Mic.isReady()), false,
            false, IOException.class, "whoops"),
        new Case("none available", List.of(Mic.readyErr(drpcNotReady()), Mic.readyErr(dataPlaneNotStarted())), false,
            true, Fault.class, dpns),
        new Case("none available; no drpc related errors",
            List.of(Mic.started(engineNotReady()), Mic.readyErr(() -> new IOException("whoops"))), false, false,
            IOException.class, "whoops"),
        new Case("none available; one engine not ready, one drpc not ready",
            List.of(Mic.started(engineNotReady()), Mic.readyErr(drpcNotReady())), false, true,
            EngineUnavailableException.class, dnr),
        new Case("none available; one drpc not ready, one engine not ready",
            List.of(Mic.readyErr(drpcNotReady()), Mic.started(engineNotReady())), false, true,
            EngineUnavailableException.class, enr),
        new Case("none available; one data-plane not ready, one engine not ready",
            List.of(Mic.stopped(dataPlaneNotStarted()), Mic.started(engineNotReady())), false, true,
            EngineUnavailableException.class, enr),
        new Case("context canceled", List.of(Mic.readyErr(() -> new CancellationException("context canceled"))),
            false, false, CancellationException.class, "context canceled"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void TestServer_Harness_CallDrpc(Case tc) throws Exception {
    EngineHarness h = new EngineHarness();
    for (int i = 0; i < tc.mics().size(); i++) {
      Mic mic = tc.mics().get(i);
      FakeEngine e = new FakeEngine(i, (long) i);
      e.started = mic.started();
      e.ready = mic.ready();
      e.drpcError = mic.err().get();
      e.drpcResponse = OK;
      h.add(e);
    }
    List<Throwable> failures = new ArrayList<>();
    h.onDrpcFailure(failures::add);
    if (!tc.notStarted()) {
      h.start();
    }
    try {
      if (tc.expErr() == null) {
        assertArrayEquals(OK, h.callDrpc(DrpcMethod.MGMT_POOL_CREATE, new byte[0]));
      } else {
        Throwable t = assertThrows(Throwable.class, () -> h.callDrpc(DrpcMethod.MGMT_POOL_CREATE, new byte[0]));
        assertEquals(tc.expErr(), t.getClass());
        assertEquals(tc.expMsg(), t.getMessage());
      }
      assertEquals(tc.expFailHandler(), !failures.isEmpty(), "dRPC failure handler invoked");
    } finally {
      h.close();
    }
  }

  /**
   * Engines stop together: each fake engine exits only once both have had SIGINT, so a harness that stopped
   * them one after another would wait out the first one's stop timeout and SIGKILL it.
   */
  @Test
  void closeStopsEnginesInParallel(@TempDir Path tmp) {
    CountDownLatch bothSignalled = new CountDownLatch(2);
    List<Signal> sent = new CopyOnWriteArrayList<>();
    EngineHarness h = new EngineHarness();
    for (int i = 0; i < 2; i++) {
      EngineConfig cfg = EngineConfig.builder().targets(1)
          .storage(List.of(ScmTier.dir(tmp.resolve("scm" + i).toString()))).build();
      EngineInstance ei = EngineInstance.builder(i)
          .storage(new LocalEngineStorage(i, cfg, tmp.resolve("nvme" + i + ".conf"), "host"))
          .launcher(new FakeEngineLauncher()).launchSpecs(chk -> null).mgmtClient(new FakeMgmtService())
          .controlAddr("127.0.0.1:10001").hostname("host").stopTimeout(Duration.ofSeconds(60)).build();
      ei.setProcess(new LockstepEngine(bothSignalled, sent));
      h.add(ei);
    }
    assertTimeoutPreemptively(Duration.ofSeconds(30), h::close);
    assertEquals(List.of(Signal.SIGINT, Signal.SIGINT), sent);
  }

  /** An engine process that exits on SIGINT only once every engine of the test has been signalled. */
  private static final class LockstepEngine implements EngineProcess {
    private final CountDownLatch signalled;
    private final List<Signal> sent;
    private final CompletableFuture<String> exit = new CompletableFuture<>();

    LockstepEngine(CountDownLatch signalled, List<Signal> sent) {
      this.signalled = signalled;
      this.sent = sent;
    }

    @Override
    public long pid() {
      return 4242;
    }

    @Override
    public boolean isAlive() {
      return !exit.isDone();
    }

    @Override
    public void signal(Signal signal) {
      sent.add(signal);
      if (signal == Signal.SIGKILL) {
        exit.complete("signal: killed");
        return;
      }
      signalled.countDown();
      CompletableFuture.runAsync(() -> {
        try {
          signalled.await();
          exit.complete("exit status 0");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }

    @Override
    public CompletableFuture<String> onExit() {
      return exit;
    }
  }

  @Test
  void filterInstancesByRankSet() {
    EngineHarness h = new EngineHarness().add(new FakeEngine(0, 1L)).add(new FakeEngine(1, null))
        .add(new FakeEngine(2, 5L));
    assertEquals(List.of(0, 2), h.filterInstancesByRankSet("0-5").stream().map(Engine::index).toList());
    assertEquals(List.of(2), h.filterInstancesByRankSet("5").stream().map(Engine::index).toList());
    assertEquals(List.of(), h.filterInstancesByRankSet("0,3").stream().map(Engine::index).toList());
  }

  @Test
  void addAfterStartIsRefused() {
    EngineHarness h = new EngineHarness();
    h.start();
    assertThrows(IllegalStateException.class, () -> h.add(new FakeEngine(0, 0L)));
    h.close();
    assertEquals(FaultCode.SERVER_HARNESS_NOT_STARTED,
        assertThrows(Fault.class, () -> h.callDrpc(DrpcMethod.MGMT_SET_UP, new byte[0])).code());
  }
}
