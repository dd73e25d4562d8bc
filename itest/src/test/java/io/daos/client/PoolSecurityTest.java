package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.itest.TestLocks;
import io.daos.rpc.PoolRpc;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pool connect access, as DAOS's security ftests {@code pool_connect_init} (the owner user or owner group may
 * connect to a new pool, anyone else gets -1001) and {@code pool_acl} (what an entry for a user, a group or
 * everyone lets a connect do), and the suite's POOL14 pool_connect_access.
 */
@ResourceLock(TestLocks.IN_PROCESS)
class PoolSecurityTest extends ClientTestBase {
  private DaosClient alice;

  @BeforeEach
  void alice() {
    alice = cluster.clientBuilderAs("alice", "staff", "devs").build();
  }

  @AfterEach
  void closeAlice() {
    alice.close();
  }

  private static DaosStatus status(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(DaosException.class, call).status();
  }

  /** pool_connect_init.yaml: who owns the new pool ("owner" = alice's user or group) and whether she may connect. */
  record Init(String name, String user, String group, boolean pass) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Init> pool_connect_init() {
    return Stream.of(new Init("user_root", "alice@", "root@", true), new Init("root_user", "root@", "staff@", true),
        new Init("root_root", "root@", "root@", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void pool_connect_init(Init tc) {
    String label = "init_" + tc.name();
    cluster.cluster().createPoolOwnedBy(label, (1L << 30) / RANKS, 1, tc.user(), tc.group());
    try {
      if (tc.pass()) {
        alice.connectPool(label, PoolRpc.PC_RW).disconnect();
      } else {
        assertEquals(DaosStatus.NO_PERM, status(() -> alice.connectPool(label, PoolRpc.PC_RO)), "RC: -1001");
      }
    } finally {
      cluster.cluster().destroyPool(label);
    }
  }

  /** pool_acl: one entry naming alice (by user, group or everyone) and what RO and RW connects get. */
  record Acl(String name, String entry, boolean ro, boolean rw) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Acl> pool_acl() {
    return Stream.of(
        new Acl("no entry", null, false, false),
        new Acl("user none", "A::alice@:", false, false),
        new Acl("user r", "A::alice@:r", true, false),
        new Acl("user w", "A::alice@:w", false, false),
        new Acl("user rw", "A::alice@:rw", true, true),
        new Acl("user t c", "A::alice@:tc", true, true),
        new Acl("group r", "A:G:devs@:r", true, false),
        new Acl("group rw", "A:G:staff@:rw", true, true),
        new Acl("everyone r", "A::EVERYONE@:r", true, false),
        new Acl("user beats everyone", "A::alice@:r,A::EVERYONE@:rw", true, false),
        new Acl("groups beat everyone", "A:G:devs@:r,A::EVERYONE@:rw", true, false),
        new Acl("groups union", "A:G:devs@:r,A:G:staff@:w", true, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void pool_acl(Acl tc) {
    if (tc.entry() != null) {
      cluster.poolUpdateAcl(tc.entry().split(","));
    }
    check(tc.ro(), PoolRpc.PC_RO, tc + " RO");
    check(tc.rw(), PoolRpc.PC_RW, tc + " RW");
    client.connectPool("pool1", PoolRpc.PC_RW).disconnect(); // the owner's entries are untouched
  }

  private void check(boolean pass, int flags, String what) {
    if (pass) {
      alice.connectPool("pool1", flags).disconnect();
    } else {
      assertEquals(DaosStatus.NO_PERM, status(() -> alice.connectPool("pool1", flags)), what);
    }
  }
}
