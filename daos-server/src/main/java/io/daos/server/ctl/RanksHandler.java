package io.daos.server.ctl;

import io.daos.common.Ticker;
import io.daos.common.ranklist.Rank;
import io.daos.drpc.RasEvents;
import io.daos.proto.ctl.RanksReq;
import io.daos.proto.ctl.RanksResp;
import io.daos.proto.shared.RankResult;
import io.daos.server.engine.Engine;
import io.daos.server.engine.EngineFaults;
import io.daos.server.engine.EngineHarness;
import io.daos.server.engine.LocalState;
import io.daos.server.engine.RasPublisher;
import io.daos.server.engine.launch.Signal;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Rank lifecycle on this host, as DAOS's ctl_ranks_rpc.go: StopRanks, StartRanks, ResetFormatRanks act on
 * the instances whose rank is in the request, poll their local state until it is reached or the deadline
 * passes, and report one RankResult per rank. PrepShutdownRanks is in {@link PrepShutdown}.
 */
public final class RanksHandler {
  private final EngineHarness harness;
  private final RasPublisher events;
  private final Duration pollInterval;
  private final Ticker ticker;

  /** {@code pollInterval}: DAOS polls every 500 ms. */
  public RanksHandler(EngineHarness harness, RasPublisher events, Duration pollInterval) {
    this(harness, events, pollInterval, Ticker.SYSTEM);
  }

  /** As above; the pause between polls is {@code ticker}'s. */
  public RanksHandler(EngineHarness harness, RasPublisher events, Duration pollInterval, Ticker ticker) {
    this.harness = harness;
    this.events = events;
    this.pollInterval = pollInterval;
    this.ticker = ticker;
  }

  static List<Engine> instances(EngineHarness harness, RanksReq req) {
    if (req == null) {
      throw new CtlException("nil request");
    }
    if (req.getRanks().isEmpty()) {
      throw new CtlException("no ranks specified in request");
    }
    return harness.filterInstancesByRankSet(req.getRanks());
  }

  public RanksResp prepShutdownRanks(RanksReq req, CallDeadline deadline) {
    return new PrepShutdown(instances(harness, req)).run(deadline);
  }

  /** Stops the engines (SIGINT, or SIGKILL with force); engine_died is not published meanwhile. */
  public RanksResp stopRanks(RanksReq req, CallDeadline deadline) {
    List<Engine> instances = instances(harness, req);
    Signal signal = req.getForce() ? Signal.SIGKILL : Signal.SIGINT;
    try (RasPublisher.Suppression s = events.disable(RasEvents.ENGINE_DIED)) {
      for (Engine e : instances) {
        if (e.isStarted()) {
          e.stop(signal);
        }
      }
      poll(instances, e -> !e.isStarted(), deadline, "waiting for engines to stop");
    }
    return stateResults(instances, LocalState.STOPPED, "system stop", "system stop: rank failed to stop");
  }

  public RanksResp startRanks(RanksReq req, CallDeadline deadline) {
    List<Engine> instances = instances(harness, req);
    for (Engine e : instances) {
      e.setCheckerMode(req.getCheckMode());
      if (!e.isStarted()) {
        e.requestStart();
      }
    }
    poll(instances, Engine::isReady, deadline, "waiting for engines to be ready to receive drpcs");
    return stateResults(instances, LocalState.READY, "system start", "system start: rank failed to start");
  }

  /** Removes the superblocks of stopped engines so that they wait for a format again. */
  public RanksResp resetFormatRanks(RanksReq req, CallDeadline deadline) {
    List<Engine> instances = instances(harness, req);
    List<Rank> saved = new ArrayList<>();
    for (Engine e : instances) {
      Rank rank = e.rank().orElseThrow(() -> new CtlException("nil rank in superblock"));
      saved.add(rank);
      if (e.isStarted()) {
        throw EngineFaults.instancesNotStopped("reset format", rank);
      }
      try {
        e.removeSuperblock();
      } catch (IOException err) {
        throw new CtlException("removing superblock of rank " + rank + ": " + err.getMessage(), err);
      }
      e.requestStart();
    }
    poll(instances, Engine::isAwaitingFormat, deadline, "waiting for engines to await format");
    RanksResp.Builder resp = RanksResp.newBuilder();
    for (int i = 0; i < instances.size(); i++) {
      LocalState state = instances.get(i).localState();
      String err = state == LocalState.AWAIT_FORMAT ? null
          : "want " + LocalState.AWAIT_FORMAT.memberState() + ", got " + state.memberState();
      resp.addResults(RankResults.of(saved.get(i), err, state.resultState()));
    }
    return resp.build();
  }

  private static RanksResp stateResults(List<Engine> instances, LocalState target, String okMsg, String failMsg) {
    RanksResp.Builder resp = RanksResp.newBuilder();
    for (Engine e : instances) {
      Optional<Rank> rank = e.rank();
      if (rank.isEmpty()) {
        continue;
      }
      LocalState state = e.localState();
      RankResult r = state == target ? RankResults.ok(rank.get(), state.resultState(), okMsg)
          : RankResults.of(rank.get(), failMsg, RankResults.ERRORED);
      resp.addResults(r);
    }
    return resp.build();
  }

  /** Waits until {@code done} holds for every instance (DAOS's pollInstanceState). */
  private void poll(List<Engine> instances, Predicate<Engine> done, CallDeadline deadline, String what) {
    while (!instances.stream().allMatch(done)) {
      String err = deadline.error();
      if (err != null) {
        throw new CtlException(what + ": " + err);
      }
      try {
        ticker.sleep(Duration.ofMillis(Math.max(1, Math.min(pollInterval.toMillis(),
            deadline.remainingNanos() / 1_000_000))));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CtlException(what + ": " + CallDeadline.CANCELED);
      }
    }
  }
}
