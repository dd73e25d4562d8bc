package io.daos.engine.cont;

import io.daos.engine.pool.svc.PoolHandleInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who holds a pool handle, as ACL principals: {@code user@} and the groups {@code group@} (the primary group
 * first). Names without a domain get the trailing {@code @} DAOS principals carry.
 */
public record Identity(String user, List<String> groups) {
  public Identity {
    groups = List.copyOf(groups);
  }

  public static Identity of(PoolHandleInfo h) {
    Set<String> g = new LinkedHashSet<>();
    if (h.group() != null && !h.group().isEmpty()) {
      g.add(principal(h.group()));
    }
    h.groups().forEach(x -> g.add(principal(x)));
    return new Identity(principal(h.user() == null ? "nobody" : h.user()), List.copyOf(g));
  }

  /** The primary group principal, or {@code NOBODY@} when there is none. */
  public String group() {
    return groups.isEmpty() ? "NOBODY@" : groups.get(0);
  }

  static String principal(String name) {
    return name.contains("@") ? name : name + "@";
  }
}
