package io.daos.server.ctl;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.common.ranklist.Rank;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.ctl.RanksResp;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.shared.RankResult;
import io.daos.server.engine.Engine;
import io.daos.server.engine.LocalState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * PrepShutdownRanks (DAOS): PREP_SHUTDOWN (218) to every ready instance in parallel; a stopped one
 * counts as done. Results: "stopping" on success, errored on a failed call or non-zero DaosResp status.
 */
final class PrepShutdown {
  private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final List<Engine> instances;

  PrepShutdown(List<Engine> instances) {
    this.instances = instances;
  }

  RanksResp run(CallDeadline deadline) {
    List<CompletableFuture<RankResult>> pending = new ArrayList<>();
    for (Engine e : instances) {
      Optional<Rank> rank = e.rank();
      if (rank.isEmpty()) {
        continue;
      }
      if (!e.isReady()) {
        pending.add(CompletableFuture.completedFuture(RankResults.of(rank.get(), null, "stopped")));
        continue;
      }
      pending.add(CompletableFuture.supplyAsync(() -> tryDrpc(e, rank.get())));
    }
    RanksResp.Builder resp = RanksResp.newBuilder();
    for (CompletableFuture<RankResult> f : pending) {
      resp.addResults(await(f, deadline));
    }
    return resp.build();
  }

  private static RankResult await(CompletableFuture<RankResult> f, CallDeadline deadline) {
    while (true) {
      String err = deadline.error();
      if (err != null) {
        throw new CtlException(err);
      }
      try {
        return f.get(Math.max(1, Math.min(SLICE_NANOS, deadline.remainingNanos())), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // check the deadline and cancellation again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CtlException(CallDeadline.CANCELED);
      } catch (ExecutionException e) {
        throw new CtlException("tryDrpc failed: " + e.getCause(), e.getCause());
      }
    }
  }

  /** DAOS's tryDrpc + drespToMemberResult for PREP_SHUTDOWN. */
  static RankResult tryDrpc(Engine e, Rank rank) {
    LocalState state = e.localState();
    if (state != LocalState.READY) {
      String err = state == LocalState.STOPPED ? e.lastError().orElse(null) : null;
      return RankResults.of(rank, err, state.resultState());
    }
    byte[] body;
    try {
      body = e.callDrpc(DrpcMethod.MGMT_PREP_SHUTDOWN, new byte[0]);
    } catch (Exception err) {
      return RankResults.of(rank, "rank " + rank + " dRPC failed: " + err.getMessage(), RankResults.ERRORED);
    }
    DaosResp resp;
    try {
      resp = DaosResp.parseFrom(body);
    } catch (InvalidProtocolBufferException err) {
      return RankResults.of(rank, "rank " + rank + " dRPC unmarshal failed", RankResults.ERRORED);
    }
    if (resp.getStatus() != 0) {
      return RankResults.of(rank, "rank " + rank + ": " + DaosStatus.fromCode(resp.getStatus()), RankResults.ERRORED);
    }
    return RankResults.of(rank, null, RankResults.STOPPING);
  }
}
