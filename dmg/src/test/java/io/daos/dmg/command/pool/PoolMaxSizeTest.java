package io.daos.dmg.command.pool;

import static io.daos.dmg.command.pool.StorageFixtures.GB;
import static io.daos.dmg.command.pool.StorageFixtures.TB;
import static io.daos.dmg.command.pool.StorageFixtures.host;
import static io.daos.dmg.command.pool.StorageFixtures.joined;
import static io.daos.dmg.command.pool.StorageFixtures.member;
import static io.daos.dmg.command.pool.StorageFixtures.nvme;
import static io.daos.dmg.command.pool.StorageFixtures.scm;
import static io.daos.dmg.command.pool.StorageFixtures.unmounted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.HostResult;
import io.daos.proto.ctl.NvmeDevState;
import io.daos.proto.ctl.StorageScanResp;
import io.daos.proto.mgmt.SystemMember;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS TestControl_getMaxPoolSize: joined-rank filtering, smallest SCM and per-rank NVMe, and the faults. */
class PoolMaxSizeTest {
  record Case(String name, List<HostResult<StorageScanResp>> hosts, List<SystemMember> members,
      List<Integer> tgtRanks, List<Integer> expRanks, long expScm, long expNvme, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case ok(String name, List<HostResult<StorageScanResp>> hosts, List<SystemMember> members,
      List<Integer> tgt, List<Integer> expRanks, long scm, long nvme) {
    return new Case(name, hosts, members == null ? joined(hosts) : members, tgt, expRanks, scm, nvme, null);
  }

  private static Case err(String name, List<HostResult<StorageScanResp>> hosts, List<SystemMember> members,
      List<Integer> tgt, String err) {
    return new Case(name, hosts, members == null ? joined(hosts) : members, tgt, null, 0, 0, err);
  }

  static Stream<Case> cases() {
    var foo = host("foo", List.of(scm(0)), List.of(nvme(0)));
    var doubleServer = List.of(foo, host("bar[1,3]", List.of(scm(1, TB), scm(2), scm(3, 50 * GB)),
        List.of(nvme(1), nvme(2, 400 * GB), nvme(2, 300 * GB), nvme(3, 2 * TB))));
    var twoHosts = List.of(foo, host("bar", List.of(scm(1), scm(2)), List.of(nvme(1), nvme(2))));
    return Stream.of(
        ok("single server", List.of(foo), null, List.of(), List.of(0), 100 * GB, TB),
        ok("double server", doubleServer, null, List.of(), List.of(0, 1, 2, 3), 50 * GB, 700 * GB),
        ok("double server; rank filter", List.of(foo, host("bar[1,3]", List.of(scm(1, TB), scm(2, TB), scm(3, GB),
            scm(4, 50 * GB), scm(5, GB)), List.of(nvme(1), nvme(2, 400 * GB), nvme(2, 300 * GB), nvme(3, GB),
            nvme(4, 2 * TB), nvme(5, 2 * TB)))), null, List.of(0, 1, 2, 4), List.of(0, 1, 2, 4), 50 * GB, 700 * GB),
        ok("No NVMe; single server", List.of(host("foo", List.of(scm(0)), List.of())), null, List.of(), List.of(0),
            100 * GB, 0),
        ok("SCM:NVMe ratio", List.of(host("foo", List.of(scm(0)), List.of(nvme(0, 100 * TB)))), null, List.of(),
            List.of(0), 100 * GB, 100 * TB),
        err("empty response", List.of(), List.of(), List.of(), "host storage response"),
        err("no SCM storage", List.of(host("foo", List.of(), List.of())), List.of(), List.of(),
            "Host without SCM storage"),
        err("engine with two SCM storage", List.of(host("foo", List.of(scm(0, TB), scm(0, TB)), List.of())), null,
            List.of(), "Multiple SCM devices found for rank"),
        err("unusable NVMe device", List.of(host("foo", List.of(scm(0)),
            List.of(nvme(0, TB, NvmeDevState.EVICTED, 0)))), null, List.of(), "not usable"),
        ok("new NVMe device", List.of(host("foo", List.of(scm(0)), List.of(nvme(0, TB, NvmeDevState.NEW, 0)))),
            null, List.of(), List.of(0), 100 * GB, 0),
        err("unmounted SCM device", List.of(foo, host("bar[1,3]", List.of(scm(1, TB), unmounted()),
            List.of(nvme(1)))), null, List.of(), "is not mounted"),
        err("SMD without SCM", List.of(host("foo", List.of(scm(0)), List.of(nvme(1)))),
            List.of(member(0, "joined"), member(1, "joined")), List.of(0, 1),
            "without SCM device and at least one SMD device"),
        err("no SCM", List.of(foo), List.of(member(1, "joined")), List.of(1), "No SCM storage space available"),
        err("requested rank not joined", List.of(foo), List.of(member(0, "stopped")), List.of(0),
            "specified rank 0 is not joined"),
        err("multiple requested ranks not joined", twoHosts, List.of(member(0, "joined"), member(1, "stopped"),
            member(2, "excluded")), List.of(0, 1, 2), "specified rank 1 is not joined"),
        ok("all requested ranks joined", twoHosts, List.of(member(0, "joined"), member(1, "joined"),
            member(2, "stopped")), List.of(0, 1), List.of(0, 1), 100 * GB, TB),
        ok("no requested ranks; filters to joined ranks only", List.of(foo, host("bar",
            List.of(scm(1, TB), scm(2), scm(3, 50 * GB)), List.of(nvme(1), nvme(2), nvme(2), nvme(3, 500 * GB)))),
            List.of(member(0, "joined"), member(1, "joined"), member(2, "stopped"), member(3, "excluded")),
            List.of(), List.of(0, 1), 100 * GB, TB),
        ok("data role only counts", List.of(host("foo", List.of(scm(0)),
            List.of(nvme(0, TB, NvmeDevState.NORMAL, 1), nvme(0, TB, NvmeDevState.NORMAL, 6)))), null, List.of(),
            List.of(0), 100 * GB, TB));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void getMaxPoolSize(Case tc) {
    if (tc.expErr() != null) {
      CommandError e = assertThrows(CommandError.class,
          () -> PoolMaxSize.compute(tc.members(), tc.tgtRanks(), tc.hosts()));
      assertTrue(e.getMessage().contains(tc.expErr()), e.getMessage());
      return;
    }
    PoolMaxSize got = PoolMaxSize.compute(tc.members(), tc.tgtRanks(), tc.hosts());
    assertEquals(tc.expRanks(), got.ranks());
    assertEquals(tc.expScm(), got.scmBytes());
    assertEquals(tc.expNvme(), got.nvmeBytes());
  }
}
