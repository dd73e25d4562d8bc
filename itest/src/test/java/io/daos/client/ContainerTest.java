package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.client.cont.ContainerInfo;
import io.daos.client.cont.ContainerProps;
import io.daos.client.cont.PropType;
import io.daos.client.cont.Snapshot;
import io.daos.client.pool.ContainerSummary;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.itest.TestLocks;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import io.daos.rpc.ContRpc;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Container lifecycle, properties, attributes, snapshots and OID allocation (daos_container.c, daos_oid_alloc). */
@ResourceLock(TestLocks.IN_PROCESS)
class ContainerTest extends ClientTestBase {
  @Test
  void createOpenQueryDestroy() {
    UUID u = pool.createContainer(ContainerProps.empty().withLabel("posix1").withLayoutType(PropType.LAYOUT_POSIX)
        .withRedundancyFactor(1));
    DaosContainer c = pool.openContainer(u.toString(), ContRpc.COO_RW);
    assertEquals("posix1", c.label());
    assertEquals(PropType.LAYOUT_POSIX, c.props().layoutType());
    assertEquals(1, c.props().redundancyFactor());
    ContainerInfo info = c.query();
    assertEquals(u, info.uuid());
    assertEquals(1, info.openHandles());
    assertEquals(Set.of("cont1", "posix1"), new HashSet<>(pool.listContainers().stream()
        .map(ContainerSummary::label).toList()));
    assertEquals(DaosStatus.BUSY, assertThrows(DaosException.class,
        () -> pool.destroyContainer("posix1", false)).status());
    c.close();
    pool.destroyContainer("posix1", false);
    assertEquals(DaosStatus.NONEXIST, assertThrows(DaosException.class,
        () -> pool.openContainer("posix1", ContRpc.COO_RO)).status());
  }

  @Test
  void badLabelIsRejectedLocally() {
    assertThrows(DaosException.class, () -> ContainerProps.empty().withLabel("bad label!"));
    assertEquals(DaosStatus.EXIST, assertThrows(DaosException.class,
        () -> pool.createContainer(ContainerProps.empty().withLabel("cont1"))).status());
  }

  @Test
  void propsAndAttributes() {
    cont.setProps(ContainerProps.empty().withString(PropType.CO_LABEL, "renamed"));
    assertEquals("renamed", cont.getProps().label());
    cont.setAttributes(Map.of("a", new byte[] {1}, "b", new byte[] {2}));
    assertEquals(List.of("a", "b"), cont.listAttributes());
    assertArrayEquals(new byte[] {2}, cont.getAttributes(List.of("b")).get("b"));
    cont.deleteAttributes(List.of("a"));
    assertEquals(List.of("b"), cont.listAttributes());
  }

  @Test
  void snapshots() {
    long e1 = cont.createSnapshot("first");
    long e2 = cont.createSnapshotAsync("second").join();
    assertNotEquals(e1, e2);
    assertEquals(List.of(new Snapshot(e1, "first"), new Snapshot(e2, "second")), cont.listSnapshots());
    cont.destroySnapshot(e1);
    assertEquals(List.of(new Snapshot(e2, "second")), cont.listSnapshots());
  }

  @Test
  void oidAllocationIsCachedInBatches() {
    Set<Long> los = new HashSet<>();
    for (int i = 0; i < 3000; i++) {
      ObjectId id = cont.generateOid(ObjectType.MULTI_HASHED, ObjectClass.S1, 0);
      los.add(id.lo());
    }
    assertEquals(3000, los.size(), "unique lo values");
    assertEquals(3, cluster.callsToService(ContRpc.OID_ALLOC), "1024 OIDs per CONT_OID_ALLOC");
    long lo = cont.allocOids(10);
    assertEquals(3072, lo, "the engine hands out OIDs from 0 (CO_ALLOCED_OID starts at 0)");
  }

  /**
   * {@code daos_oclass_fit_max}: "X" becomes {@code targets / grp_size} groups minus those {@code reserve_grp_by_rf}
   * keeps free for rebuild (under 16 domains: rd_fac domains' worth of targets). On 4 ranks x 2 targets, rd_fac 0
   * reserves nothing; "cont1" inherits the pool's rd_fac 3, which reserves 3 domains = 6 targets.
   */
  @Test
  void classesFitThePool() {
    DaosContainer rf0 = openRf0Container("rf0");
    assertEquals(8, rf0.generateOid(ObjectType.MULTI_HASHED, ObjectClass.SX, 0).groups(), "SX resolved at generation");
    assertEquals(4, rf0.generateOid(ObjectType.MULTI_HASHED, ObjectClass.RP_2GX, 0).groups());
    assertEquals(3, cont.props().redundancyFactor(), "rd_fac inherited from the pool");
    assertEquals(8 - 6, cont.generateOid(ObjectType.MULTI_HASHED, ObjectClass.SX, 0).groups());
    assertEquals(4 - 3, cont.generateOid(ObjectType.MULTI_HASHED, ObjectClass.RP_2GX, 0).groups());
    assertEquals(DaosStatus.INVAL, assertThrows(DaosException.class,
        () -> cont.generateOid(ObjectType.MULTI_HASHED, ObjectClass.byName("RP_6G1"), 0)).status());
  }
}
