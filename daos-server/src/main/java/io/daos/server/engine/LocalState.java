package io.daos.server.engine;

/**
 * An engine instance's own view of its state (DAOS's EngineInstance.LocalState), independent of the MS
 * membership: READY once set up (SetRank + SetUp done), STARTING while the process runs, AWAIT_FORMAT while
 * waiting for {@code dmg storage format}, else STOPPED.
 */
public enum LocalState {
  STOPPED("Stopped"),
  AWAIT_FORMAT("AwaitFormat"),
  STARTING("Starting"),
  READY("Ready");

  private final String memberState;

  LocalState(String memberState) {
    this.memberState = memberState;
  }

  /** DAOS's member state name, e.g. "AwaitFormat". */
  public String memberState() {
    return memberState;
  }

  /** The lower-case form RankResult.state carries, e.g. "awaitformat". */
  public String resultState() {
    return memberState.toLowerCase(java.util.Locale.ROOT);
  }
}
