package io.daos.server.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.FakeTicker;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.drpc.RasEvents;
import io.daos.proto.ctl.RanksReq;
import io.daos.proto.ctl.RanksResp;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.shared.RASEvent;
import io.daos.proto.shared.RankResult;
import io.daos.server.engine.EngineHarness;
import io.daos.server.engine.FakeEngine;
import io.daos.server.engine.RasPublisher;
import io.daos.server.engine.launch.Signal;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS's ctl_ranks_rpc_test.go cases against two fake engines with ranks 1 and 2. */
class CtlRanksTest {
  private static final Duration SHORT = Duration.ofMillis(300);

  /** A table row: request, how to set up each engine, the expected results (rank:state[:errored]) or error. */
  record Case(String name, RanksReq req, Consumer<FakeEngine> setup, Duration timeout, boolean cancel,
      List<String> expResults, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static RanksReq ranks(String r) {
    return RanksReq.newBuilder().setRanks(r).build();
  }

  static Case ok(String name, RanksReq req, Consumer<FakeEngine> setup, String... results) {
    return new Case(name, req, setup, null, false, List.of(results), null);
  }

  static Case err(String name, RanksReq req, Consumer<FakeEngine> setup, Duration timeout, String expErr) {
    return new Case(name, req, setup, timeout, false, null, expErr);
  }

  static Consumer<FakeEngine> none() {
    return e -> {
    };
  }

  static Consumer<FakeEngine> missingSb() {
    return e -> e.rank = null;
  }

  static Consumer<FakeEngine> running() {
    return FakeEngine::running;
  }

  static Consumer<FakeEngine> respond(int status) {
    return e -> {
      e.running();
      e.drpcResponse = DaosResp.newBuilder().setStatus(status).build().toByteArray();
    };
  }

  static Stream<Case> TestServer_CtlSvc_PrepShutdownRanks() {
    Consumer<FakeEngine> slow = respond(0).andThen(e -> e.drpcGate = new CountDownLatch(1));
    return Stream.of(
        err("nil request", null, none(), null, "nil request"),
        err("no ranks specified", RanksReq.getDefaultInstance(), none(), null, "no ranks specified in request"),
        ok("missing superblock", ranks("0-3"), missingSb()),
        ok("instances stopped already", ranks("0-3"), none(), "1:stopped", "2:stopped"),
        ok("dRPC resp fails", ranks("0-3"), running().andThen(e -> e.drpcError = new IOException("call failed")),
            "1:errored:true", "2:errored:true"),
        ok("dRPC resp junk", ranks("0-3"), running().andThen(e -> e.drpcResponse = new byte[] {0x0a, 0x05}),
            "1:errored:true", "2:errored:true"),
        err("context timeout", ranks("0-3"), slow, Duration.ofMillis(100), "deadline exceeded"),
        new Case("context cancel", ranks("0-3"), slow, null, true, null, "context canceled"),
        ok("unsuccessful call", ranks("0-3"), respond(-1), "1:errored:true", "2:errored:true"),
        ok("successful call", ranks("0-3"), respond(0), "1:stopping", "2:stopping"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void TestServer_CtlSvc_PrepShutdownRanks(Case tc) {
    run(tc, (h, d) -> h.prepShutdownRanks(tc.req(), d), null);
  }

  static Stream<Case> TestServer_CtlSvc_StopRanks() {
    Consumer<FakeEngine> dontStop = running().andThen(e -> e.onStop = x -> {
    });
    return Stream.of(
        err("nil request", null, none(), null, "nil request"),
        err("no ranks specified", RanksReq.getDefaultInstance(), none(), null, "no ranks specified in request"),
        ok("missing superblock", ranks("0-3"), missingSb()),
        ok("missing ranks", ranks("0,3"), running()),
        ok("instances successfully stopped", ranks("0-3"), running(), "1:stopped:SIGINT", "2:stopped:SIGINT"),
        ok("instances successfully stopped with force", RanksReq.newBuilder().setRanks("0-3").setForce(true).build(),
            running(), "1:stopped:SIGKILL", "2:stopped:SIGKILL"),
        err("instances not stopped in time", ranks("0-3"), dontStop, SHORT, "deadline exceeded"),
        ok("instances already stopped", ranks("0-3"), none(), "1:stopped", "2:stopped"),
        ok("single instance already stopped", ranks("1"), none(), "1:stopped"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void TestServer_CtlSvc_StopRanks(Case tc) {
    List<RASEvent> published = new ArrayList<>();
    run(tc, (h, d) -> h.stopRanks(tc.req(), d), published);
    assertEquals(List.of(), published, "number of events published");
  }

  static Stream<Case> TestServer_CtlSvc_ResetFormatRanks() {
    Consumer<FakeEngine> reachFormat = e -> e.onStartRequest = x -> x.awaitingFormat = true;
    return Stream.of(
        err("nil request", null, none(), null, "nil request"),
        err("no ranks specified", RanksReq.getDefaultInstance(), none(), null, "no ranks specified in request"),
        ok("missing superblock", ranks("0-3"), missingSb()),
        err("instances already started", ranks("0-3"), running(), null,
            Fault.class.getName() + ":" + FaultCode.SERVER_INSTANCES_NOT_STOPPED),
        ok("instances reach wait format", ranks("0-3"), reachFormat, "1:awaitformat", "2:awaitformat"),
        err("instances stay stopped", ranks("0-3"), none(), SHORT, "deadline exceeded"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void TestServer_CtlSvc_ResetFormatRanks(Case tc) {
    run(tc, (h, d) -> h.resetFormatRanks(tc.req(), d), null);
  }

  static Stream<Case> TestServer_CtlSvc_StartRanks() {
    Consumer<FakeEngine> getsStarted = e -> e.onStartRequest = FakeEngine::running;
    return Stream.of(
        err("nil request", null, none(), null, "nil request"),
        err("no ranks specified", RanksReq.getDefaultInstance(), none(), null, "no ranks specified in request"),
        ok("missing superblock", ranks("0-3"), missingSb()),
        ok("missing ranks", ranks("0,3"), none()),
        ok("instances already started", ranks("0-3"), running(), "1:ready", "2:ready"),
        ok("instances get started", ranks("0-3"), getsStarted, "1:ready", "2:ready"),
        err("instances not started in time", ranks("0-3"), none(), SHORT, "deadline exceeded"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void TestServer_CtlSvc_StartRanks(Case tc) {
    run(tc, (h, d) -> h.startRanks(tc.req(), d), null);
  }

  private interface Op {
    RanksResp apply(RanksHandler h, CallDeadline d);
  }

  private static void run(Case tc, Op op, List<RASEvent> published) {
    RasPublisher events = new RasPublisher(null);
    if (published != null) {
      events.subscribe(published::add);
    }
    EngineHarness harness = new EngineHarness();
    List<FakeEngine> engines = List.of(new FakeEngine(0, 1L), new FakeEngine(1, 2L));
    for (FakeEngine e : engines) {
      tc.setup().accept(e);
      Consumer<FakeEngine> stop = e.onStop;
      // a stopping engine reports its exit, which StopRanks must keep quiet
      e.onStop = x -> {
        stop.accept(x);
        if (!x.started) {
          events.publish(RasEvents.engineDied("host", x.index(), 1, 0, "exit status 0", 1234), true);
        }
      };
      harness.add(e);
    }
    AtomicBoolean cancelled = new AtomicBoolean();
    FakeTicker ticker = new FakeTicker();
    Duration timeout = tc.timeout() == null ? Duration.ofSeconds(10) : tc.timeout();
    CallDeadline d = CallDeadline.after(timeout, cancelled::get, ticker);
    if (tc.cancel()) {
      engines.forEach(e -> e.onDrpcCall = () -> cancelled.set(true));
    } else if (tc.timeout() != null) {
      // a held dRPC takes the whole deadline (polls between state checks move the clock themselves)
      engines.forEach(e -> e.onDrpcCall = () -> ticker.advance(timeout));
    }
    RanksHandler h = new RanksHandler(harness, events, Duration.ofMillis(10), ticker);
    if (tc.expErr() != null) {
      RuntimeException e = assertThrows(RuntimeException.class, () -> op.apply(h, d));
      engines.forEach(FakeEngine::releaseDrpc);
      if (e instanceof Fault f) {
        assertEquals(tc.expErr(), Fault.class.getName() + ":" + f.code());
      } else {
        assertTrue(e.getMessage().contains(tc.expErr()), e.getMessage());
      }
      return;
    }
    RanksResp resp = op.apply(h, d);
    List<String> got = new ArrayList<>();
    resp.getResultsList().stream().sorted(Comparator.comparingInt(RankResult::getRank))
        .forEach(r -> got.add(describe(r, engines)));
    assertEquals(tc.expResults(), got);
  }

  /** rank:state, plus ":true" when errored, plus the signal the rank's engine got (StopRanks). */
  private static String describe(RankResult r, List<FakeEngine> engines) {
    String s = r.getRank() + ":" + r.getState() + (r.getErrored() ? ":true" : "");
    List<Signal> sig = engines.get(r.getRank() - 1).signals;
    return sig.isEmpty() ? s : s + ":" + sig.get(0);
  }
}
