package io.daos.common;

import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The lifecycle of a long-lived component: NEW → STARTING → RUNNING → CLOSING → CLOSED, with FAILED
 * reachable from STARTING and RUNNING. Transitions are checked; an illegal one throws.
 */
public final class LifeCycle {
  /** Lifecycle states. */
  public enum State { NEW, STARTING, RUNNING, CLOSING, CLOSED, FAILED }

  private static final Map<State, EnumSet<State>> LEGAL = Map.of(
      State.NEW, EnumSet.of(State.STARTING, State.CLOSING, State.CLOSED),
      State.STARTING, EnumSet.of(State.RUNNING, State.FAILED, State.CLOSING),
      State.RUNNING, EnumSet.of(State.CLOSING, State.FAILED),
      State.CLOSING, EnumSet.of(State.CLOSED, State.FAILED),
      State.CLOSED, EnumSet.noneOf(State.class),
      State.FAILED, EnumSet.of(State.CLOSING, State.CLOSED));

  private final String name;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);

  public LifeCycle(String name) {
    this.name = name;
  }

  public State current() {
    return state.get();
  }

  /** Moves to {@code to}; throws {@link IllegalStateException} if the move is not legal. */
  public void transition(State to) {
    State from = state.get();
    if (!LEGAL.get(from).contains(to) || !state.compareAndSet(from, to)) {
      throw new IllegalStateException(name + ": illegal transition " + from + " -> " + to);
    }
  }

  /** Moves from {@code from} to {@code to} if the current state is {@code from}; returns whether it moved. */
  public boolean compareAndTransition(State from, State to) {
    return LEGAL.get(from).contains(to) && state.compareAndSet(from, to);
  }

  /** Starts closing unless already closing or closed; returns true if this caller should do the close. */
  public boolean checkStateAndClose() {
    while (true) {
      State s = state.get();
      if (s == State.CLOSING || s == State.CLOSED) {
        return false;
      }
      if (state.compareAndSet(s, State.CLOSING)) {
        return true;
      }
    }
  }

  public boolean isRunning() {
    return state.get() == State.RUNNING;
  }

  @Override
  public String toString() {
    return name + ":" + state.get();
  }
}
