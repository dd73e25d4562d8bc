package io.daos.engine.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.Opcode;
import io.daos.common.FakeTicker;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.mgmt.GroupUpdateReq;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A rank that does not take the map is retried every 250 ms until two minutes pass, on a fake clock. */
class GroupMapDistributorTest {
  private final FakeTicker ticker = new FakeTicker();
  private final HeldTimer timer = new HeldTimer();
  private final EngineState state = new EngineState();
  private int calls;

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  @Test
  void unreachableRank_isRetriedUntilTheDeadline() {
    state.setRank(0, 1);
    GroupMapDistributor d = new GroupMapDistributor("engine 0", state, new DownClient(), timer,
        Duration.ofSeconds(1), ticker);
    d.broadcast(GroupUpdateReq.newBuilder().setMapVersion(2)
        .addEngines(GroupUpdateReq.Engine.newBuilder().setRank(0).setUri("u0"))
        .addEngines(GroupUpdateReq.Engine.newBuilder().setRank(1).setUri("u1")).build());
    assertEquals(1, calls, "rank 1 only");
    assertEquals(1, timer.held.size(), "a retry is due");

    ticker.advance(Duration.ofMinutes(2));
    timer.runHeld();
    assertEquals(2, calls);
    assertEquals(1, timer.held.size(), "still within two minutes: retried again");

    ticker.advance(Duration.ofNanos(1));
    timer.runHeld();
    assertEquals(3, calls);
    assertEquals(0, timer.held.size(), "past the deadline: given up");
  }

  /** A CART-J client whose every call fails at once with DER_UNREACH. */
  private final class DownClient implements CartClient {
    @Override
    public CompletableFuture<CartReply> call(String uri, Opcode opcode, int target, int mapVersion, ByteBuf body,
        ByteBuf bulk, Duration timeout) {
      calls++;
      if (body != null) {
        body.release();
      }
      return CompletableFuture.failedFuture(new DaosException(DaosStatus.UNREACH, "down: " + uri));
    }

    @Override
    public void close() {
    }
  }

  /** A timer that holds scheduled retries until the test runs them. */
  private static final class HeldTimer extends ScheduledThreadPoolExecutor {
    final Deque<Runnable> held = new ArrayDeque<>();

    HeldTimer() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
      assertEquals(250, unit.toMillis(delay));
      held.add(task);
      return null;
    }

    void runHeld() {
      held.removeFirst().run();
    }
  }
}
