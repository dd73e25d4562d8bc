package io.daos.engine.pool.svc;

import java.util.List;

/** Who a validated AUTH_SYS credential names: user and groups as "name@", and the client machine. */
public record Identity(String user, String group, List<String> groups, String machine) {
  public Identity {
    groups = List.copyOf(groups);
  }

  /** True if the primary or a supplementary group is {@code g}. */
  boolean inGroup(String g) {
    return group.equals(g) || groups.contains(g);
  }
}
