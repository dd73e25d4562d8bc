package io.daos.server.mgmt;

import io.daos.common.hostlist.HostSet;
import java.util.List;

/** Host lists rendered as DAOS ranged host sets ("10.0.0.[4-5]"). */
final class HostSets {
  private HostSets() {
  }

  static String ranged(List<String> hosts) {
    return hosts.isEmpty() ? "" : HostSet.of(hosts).toString();
  }
}
