package io.daos.server.engine.launch;

/** The signals daos_server sends to engines: SIGINT for a controlled stop, SIGKILL for a forced one. */
public enum Signal {
  SIGINT(2, "INT"),
  SIGKILL(9, "KILL"),
  SIGTERM(15, "TERM");

  private final int number;
  private final String killName;

  Signal(int number, String killName) {
    this.number = number;
    this.killName = killName;
  }

  public int number() {
    return number;
  }

  /** The name kill(1) takes after {@code -}, e.g. "INT". */
  public String killName() {
    return killName;
  }
}
