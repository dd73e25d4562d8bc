package io.daos.server.engine;

import io.daos.common.ranklist.Rank;
import io.daos.drpc.DrpcMethod;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A scriptable {@link Engine} (DAOS's MockInstance): flags, dRPC answers, and hooks for stop/start requests. */
public final class FakeEngine implements Engine {
  private final int index;
  public volatile Rank rank;
  public volatile boolean started;
  public volatile boolean ready;
  public volatile boolean awaitingFormat;
  public volatile boolean checkerMode;
  public volatile String lastError;
  public volatile Exception drpcError;
  public volatile byte[] drpcResponse = new byte[0];
  public volatile long drpcDelayMillis;
  public volatile boolean superblockRemoved;
  public final List<Signal> signals = new CopyOnWriteArrayList<>();
  public final List<DrpcMethod> drpcCalls = new CopyOnWriteArrayList<>();
  public volatile Consumer<FakeEngine> onStop = e -> {
    e.started = false;
    e.ready = false;
  };
  public volatile Consumer<FakeEngine> onStartRequest = e -> {
  };
  public volatile int startRequests;

  public FakeEngine(int index, Long rank) {
    this.index = index;
    this.rank = rank == null ? null : Rank.of(rank);
  }

  public FakeEngine running() {
    started = true;
    ready = true;
    return this;
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public Optional<Rank> rank() {
    return Optional.ofNullable(rank);
  }

  @Override
  public LocalState localState() {
    if (isReady()) {
      return LocalState.READY;
    }
    if (started) {
      return LocalState.STARTING;
    }
    return awaitingFormat ? LocalState.AWAIT_FORMAT : LocalState.STOPPED;
  }

  @Override
  public boolean isStarted() {
    return started;
  }

  @Override
  public boolean isReady() {
    return ready && started;
  }

  @Override
  public boolean isAwaitingFormat() {
    return awaitingFormat;
  }

  @Override
  public void requestStart() {
    startRequests++;
    onStartRequest.accept(this);
  }

  @Override
  public void stop(Signal signal) {
    signals.add(signal);
    onStop.accept(this);
  }

  @Override
  public byte[] callDrpc(DrpcMethod method, byte[] body) throws IOException {
    drpcCalls.add(method);
    if (drpcDelayMillis > 0) {
      try {
        Thread.sleep(drpcDelayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Exception err = drpcError;
    if (err instanceof IOException io) {
      throw io;
    }
    if (err instanceof RuntimeException re) {
      throw re;
    }
    return drpcResponse;
  }

  @Override
  public void removeSuperblock() {
    superblockRemoved = true;
  }

  @Override
  public void setCheckerMode(boolean enabled) {
    checkerMode = enabled;
  }

  @Override
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }
}
