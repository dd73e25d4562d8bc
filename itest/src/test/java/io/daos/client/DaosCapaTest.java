package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.cont.ContainerProps;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.itest.TestLocks;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * DAOS {@code src/tests/suite/daos_capa.c} (CAPA1–7): what the servers answer for stale pool and container handles
 * (DER_NO_HDL) and for handles whose flags do not grant the operation (DER_NO_PERM). A stale handle is one the
 * client still holds after disconnecting or closing it, as DAOS's {@code poh_invalidate_local}: the client sends
 * it and the server must refuse it.
 */
@ResourceLock(TestLocks.IN_PROCESS)
class DaosCapaTest extends ClientTestBase {
  private static final byte[] VALUE = "capability".getBytes(StandardCharsets.UTF_8);

  private static DaosStatus status(Executable call) {
    return assertThrows(DaosException.class, call).status();
  }

  private DaosPool connect(int flags) {
    return client.connectPool("pool1", flags);
  }

  private ObjectId kvOid() {
    return cont.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_2G1, 0);
  }

  @Test
  void capa1_query_pool_with_invalid_pool_handle() {
    DaosPool p = connect(PoolRpc.PC_RW);
    assertEquals(List.of(0, 1, 2, 3), p.query().ranks(), "querying pool with valid handle");
    p.disconnect();
    assertEquals(DaosStatus.NO_HDL, status(p::query), "querying pool with invalid handle");
  }

  @Test
  void capa2_create_container_with_invalid_pool_handle() {
    DaosPool ro = connect(PoolRpc.PC_RO);
    assertEquals(DaosStatus.NO_PERM, status(() -> ro.createContainer(ContainerProps.empty().withLabel("capa2"))),
        "creating container with read-only pool handle");
    ro.disconnect();
    DaosPool stale = connect(PoolRpc.PC_RW);
    stale.disconnect();
    assertEquals(DaosStatus.NO_HDL, status(() -> stale.createContainer(ContainerProps.empty().withLabel("capa2"))),
        "creating container with stale pool handle");
    assertTrue(pool.listContainers().stream().noneMatch(c -> "capa2".equals(c.label())), "nothing was created");
  }

  @Test
  void capa3_destroy_container_with_invalid_pool_handle() {
    pool.createContainer(ContainerProps.empty().withLabel("capa3"));
    DaosPool stale = connect(PoolRpc.PC_RW);
    stale.disconnect();
    assertEquals(DaosStatus.NO_HDL, status(() -> stale.destroyContainer("capa3", true)),
        "destroying container with stale pool handle");
    DaosPool ro = connect(PoolRpc.PC_RO);
    assertEquals(DaosStatus.NO_PERM, status(() -> ro.destroyContainer("capa3", true)),
        "destroying container with read-only pool handle");
    ro.disconnect();
    DaosPool rw = connect(PoolRpc.PC_RW);
    rw.destroyContainer("capa3", true);
    rw.disconnect();
    assertTrue(pool.listContainers().stream().noneMatch(c -> "capa3".equals(c.label())));
  }

  /** RW on a pool handle only governs creating and destroying containers: DAOS lets an RO one open RW. */
  @Test
  void capa4_open_container_with_invalid_pool_handle() {
    DaosPool stale = connect(PoolRpc.PC_RW);
    stale.disconnect();
    assertEquals(DaosStatus.NO_HDL, status(() -> stale.openContainer("cont1", ContRpc.COO_RW)),
        "opening container with revoked pool handle");
    DaosPool ro = connect(PoolRpc.PC_RO);
    DaosContainer c = ro.openContainer("cont1", ContRpc.COO_RW);
    assertTrue((c.capabilities() & ContRpc.CAPA_WRITE_DATA) != 0, "opening container RW with RO pool handle");
    c.close();
    ro.disconnect();
    assertEquals(DaosStatus.NO_HDL, status(() -> ro.openContainer("cont1", ContRpc.COO_RO)),
        "opening container RO with revoked pool handle");
  }

  @Test
  void capa5_update_fetch_with_invalid_pool_handle() {
    ObjectId oid = kvOid();
    cont.openKv(oid).put("dkey", VALUE);
    DaosPool p = connect(PoolRpc.PC_RW);
    DaosContainer c = p.openContainer("cont1", ContRpc.COO_RW);
    DaosKv kv = c.openKv(oid);
    assertArrayEquals(VALUE, kv.get("dkey"));
    p.disconnect();
    assertEquals(DaosStatus.NO_HDL, status(() -> kv.put("dkey", VALUE)), "updating with invalid pool handle");
    assertEquals(DaosStatus.NO_HDL, status(() -> kv.get("dkey")), "fetching with invalid pool handle");
  }

  @Test
  void capa6_update_fetch_with_invalid_container_handle() {
    ObjectId oid = kvOid();
    cont.openKv(oid).put("dkey", VALUE);
    DaosContainer c = pool.openContainer("cont1", ContRpc.COO_RW);
    DaosKv kv = c.openKv(oid);
    assertArrayEquals(VALUE, kv.get("dkey"));
    c.close();
    assertEquals(DaosStatus.NO_HDL, status(() -> kv.put("dkey", VALUE)),
        "updating records with stale container handle");
    assertEquals(DaosStatus.NO_HDL, status(() -> kv.get("dkey")), "fetching records with stale container handle");
  }

  @Test
  void capa7_update_with_read_only_container_handle() {
    ObjectId oid = kvOid();
    cont.openKv(oid).put("dkey", VALUE);
    DaosContainer ro = pool.openContainer("cont1", ContRpc.COO_RO);
    DaosKv kv = ro.openKv(oid);
    assertEquals(DaosStatus.NO_PERM, status(() -> kv.put("dkey", "other".getBytes(StandardCharsets.UTF_8))),
        "updating records with read-only container handle");
    assertEquals(DaosStatus.NO_PERM, status(() -> kv.remove("dkey")), "punching with read-only container handle");
    assertArrayEquals(VALUE, kv.get("dkey"), "reads work and the value is unchanged");
    ro.close();
  }

  /** Beyond daos_capa.c: DAOS's cont_attr_set/del need CONT_CAPA_WRITE_DATA, snapshots too. */
  @Test
  void capa7_attributes_and_snapshots_with_read_only_container_handle() {
    cont.setAttributes(Map.of("color", VALUE));
    DaosContainer ro = pool.openContainer("cont1", ContRpc.COO_RO);
    assertEquals(DaosStatus.NO_PERM, status(() -> ro.setAttributes(Map.of("color", "red".getBytes()))));
    assertEquals(DaosStatus.NO_PERM, status(() -> ro.deleteAttributes(List.of("color"))));
    assertEquals(DaosStatus.NO_PERM, status(() -> ro.createSnapshot("s")));
    assertArrayEquals(VALUE, ro.getAttributes(List.of("color")).get("color"));
    ro.close();
  }
}
