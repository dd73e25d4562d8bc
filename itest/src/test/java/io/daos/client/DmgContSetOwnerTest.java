package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.cont.ContainerAcl;
import io.daos.itest.DmgInProcess;
import io.daos.itest.DmgInProcess.Run;
import io.daos.itest.TestLocks;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code dmg container set-owner} through the MS (ContSetOwner), the pool service engine (dRPC 227) and the
 * container service (CONT_PROP_SET without handles), as DAOS's ftest {@code cont_owner} test_dmg_cont_set_owner:
 * user, group, both, by label and by UUID, and the missing-argument error.
 */
@ResourceLock(TestLocks.IN_PROCESS)
class DmgContSetOwnerTest extends ClientTestBase {
  private Run dmg(String... args) {
    return DmgInProcess.run(cluster.cluster().controlConfig(), args);
  }

  private List<String> ownership() {
    ContainerAcl a = cont.getAcl();
    return List.of(a.ownerUser(), a.ownerGroup());
  }

  private void assertSucceeded(Run r) {
    assertEquals(0, r.rc(), r.toString());
    assertEquals("Container-set-owner command SUCCEEDED\n\n", r.out());
  }

  @Test
  void cont_owner_dmg_cont_set_owner() {
    List<String> orig = ownership();
    Run none = dmg("cont", "set-owner", "pool1", "cont1");
    assertTrue(none.rc() != 0 && none.err().contains("at least one of `--user' or `--group' must be supplied"),
        none.toString());
    assertEquals(orig, ownership(), "unchanged");
    assertSucceeded(dmg("cont", "set-owner", "pool1", "cont1", "--user", "fakeuser@"));
    assertEquals(List.of("fakeuser@", orig.get(1)), ownership());
    assertSucceeded(dmg("container", "set-owner", "pool1", "cont1", "--group", "fakegroup@"));
    assertEquals(List.of("fakeuser@", "fakegroup@"), ownership());
    assertSucceeded(dmg("cont", "set-owner", "pool1", "cont1", "-u", "fakeuser2", "-g", "fakegroup2"));
    assertEquals(List.of("fakeuser2@", "fakegroup2@"), ownership());
    assertSucceeded(dmg("cont", "set-owner", cluster.poolUuid().toString(), cont.uuid().toString(), "-u",
        orig.get(0), "-g", orig.get(1)));
    assertEquals(orig, ownership());
    Run missing = dmg("cont", "set-owner", "pool1", "nosuchcont", "-u", "x@");
    assertTrue(missing.rc() != 0 && missing.out().startsWith("Container-set-owner command FAILED: container "
        + "set-owner failed: DER_NONEXIST(-1005)"), missing.toString());
  }
}
