package io.daos.engine.mgmt;

import java.util.Map;

/** The rank → URI/incarnation map the MS leader pushes with GROUP_UPDATE (dRPC 232). */
public record GroupMap(int version, Map<Integer, Member> members) {
  public static final GroupMap EMPTY = new GroupMap(0, Map.of());

  /** One engine of the system. */
  public record Member(int rank, String uri, long incarnation) {
  }

  public GroupMap {
    members = Map.copyOf(members);
  }
}
