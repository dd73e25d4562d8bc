package io.daos.server.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which dRPC errors move a call on to the next engine instance (DAOS's CallDrpc), and which mean "not ready". */
class EngineFaultsTest {
  record Case(String name, Throwable err, boolean isTransient, boolean notReady) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return List.of(
        new Case("engine not ready", new EngineUnavailableException(EngineUnavailableException.Kind.ENGINE_NOT_READY),
            true, true),
        new Case("dRPC not ready", new EngineUnavailableException(EngineUnavailableException.Kind.DRPC_NOT_READY),
            true, true),
        new Case("data plane not started", EngineFaults.dataPlaneNotStarted(), true, true),
        new Case("harness not started", EngineFaults.harnessNotStarted(), false, true),
        new Case("other server fault", new Fault("server", FaultCode.SERVER_INSTANCES_NOT_STOPPED, "x", "y"), false,
            false),
        new Case("dRPC I/O failure", new IOException("whoops"), false, false),
        new Case("engine status", new DaosException(DaosStatus.NONEXIST), false, false),
        new Case("other runtime error", new IllegalStateException("bug"), false, false)).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void transientAndNotReady(Case c) {
    assertEquals(c.isTransient(), EngineFaults.isTransient(c.err()), "transient");
    assertEquals(c.notReady(), EngineFaults.isNotReady(c.err()), "not ready");
  }
}
