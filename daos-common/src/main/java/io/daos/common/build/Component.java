package io.daos.common.build;

/** A DAOS system component, as named in the {@code x-daos-component} header and certificate CNs. */
public enum Component {
  /** Wildcard: matches any component (DAOS's ComponentAny, the empty string). */
  ANY(""),
  SERVER("server"),
  ADMIN("admin"),
  AGENT("agent"),
  CLIENT("client");

  private final String wireName;

  Component(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** True if equal, or either side is {@link #ANY}. */
  public boolean matches(Component other) {
    return this == other || this == ANY || other == ANY;
  }

  /**
   * The component with this wire name ("server", "admin", "agent", "client", or "" for any).
   *
   * @throws IllegalArgumentException {@code invalid component "x"}
   */
  public static Component fromWireName(String name) {
    for (Component c : values()) {
      if (c.wireName.equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("invalid component \"" + name + "\" (want server, admin, agent or client)");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
