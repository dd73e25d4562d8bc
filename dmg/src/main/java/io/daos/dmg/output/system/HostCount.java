package io.daos.dmg.output.system;

import io.daos.common.hostlist.HostSet;

/** Counts hosts in a DAOS ranged host list such as "foo[7-9],bar1:10001". */
final class HostCount {
  private HostCount() {
  }

  static int count(String hosts) {
    return hosts == null || hosts.isBlank() ? 0 : HostSet.parse(hosts).count();
  }
}
