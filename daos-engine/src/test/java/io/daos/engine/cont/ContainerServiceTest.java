package io.daos.engine.cont;

import io.daos.common.Uuids;
import io.daos.common.status.DaosStatus;
import io.daos.rpc.PoolRpc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.proto.cont.ContInfo;
import io.daos.proto.pool.ContSummary;
import io.daos.rpc.ContRpc;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Container lifecycle, labels, handles and listing (daos_container.c cases where they mirror DAOS). */
class ContainerServiceTest extends ContTestSupport {
  @Test
  void co_create() {
    UUID c = create("mycont");
    UUID h = openRw(c);
    ContainerService.Opened q = svc.query(alice, c, h, 0);
    ContInfo info = q.info();
    assertEquals(c, Uuids.fromBytes(info.getUuid().toByteArray()));
    assertEquals("mycont", info.getLabel());
    assertEquals(1, info.getOpenHandles());
    assertEquals(0, info.getSnapshots());
    assertTrue(info.getMdOtime() > 0 && info.getMdMtime() > 0, info.toString());
    svc.close(alice, h);
    assertEquals(List.of(h), invalidatedOnTargets, "a close is pushed to the targets (DAOS: IV invalidate)");
    svc.close(alice, h); // already closed: still success, as DAOS
    assertEquals(List.of(h), invalidatedOnTargets, "nothing more to push for a handle already closed");
    assertEquals(1, svc.query(alice, c, openRw(c), 0).info().getOpenHandles());
    svc.destroy(alice, c, null, true);
    assertEquals(List.of(c), destroyedOnTargets);
    assertStatus(DaosStatus.NONEXIST, () -> openRw(c));
    assertTrue(replica.rdb.scan("cont/").isEmpty(), () -> "leftover keys " + replica.rdb.scan("cont/").keySet());
  }

  @Test
  void co_create_existing_uuid() {
    UUID c = create(null);
    assertStatus(DaosStatus.EXIST, () -> svc.create(alice, c, List.of()));
  }

  record LabelCase(String name, String label, DaosStatus want) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<LabelCase> labels() {
    return Stream.of(new LabelCase("simple", "cont_1.a:b-c", null),
        new LabelCase("max length", "a".repeat(127), null),
        new LabelCase("too long", "a".repeat(128), DaosStatus.INVAL),
        new LabelCase("empty", "", DaosStatus.INVAL),
        new LabelCase("space", "my cont", DaosStatus.INVAL),
        new LabelCase("slash", "a/b", DaosStatus.INVAL),
        new LabelCase("uuid", UUID.randomUUID().toString(), DaosStatus.INVAL),
        new LabelCase("uuid-like but not hex", "zzzzzzzz-0000-0000-0000-000000000000", null),
        new LabelCase("default label", ContProps.LABEL_DEFAULT, DaosStatus.INVAL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labels")
  void co_create_label(LabelCase tc) {
    if (tc.want() == null) {
      UUID c = create(tc.label());
      assertEquals(c, svc.store.byLabel(tc.label()));
    } else {
      assertStatus(tc.want(), () -> create(tc.label()));
      assertTrue(replica.rdb.scan("cont/").isEmpty());
    }
  }

  @Test
  void co_create_duplicate_label() {
    create("dup");
    assertStatus(DaosStatus.EXIST, () -> create("dup"));
    assertEquals(1, svc.list(alice).size());
  }

  @Test
  void open_and_destroy_by_label() {
    UUID c = create("bylabel");
    UUID h = UUID.randomUUID();
    assertEquals(c, Uuids.fromBytes(svc.open(alice, null, "bylabel", h, ContRpc.COO_RO).info().getUuid()
        .toByteArray()));
    svc.close(alice, h);
    svc.destroy(alice, null, "bylabel", false);
    assertStatus(DaosStatus.NONEXIST, () -> svc.open(alice, null, "bylabel", UUID.randomUUID(), ContRpc.COO_RO));
    create("bylabel"); // the label is free again
  }

  @Test
  void co_destroy_force() {
    UUID c = create("busy");
    openRw(c);
    openRw(c);
    assertStatus(DaosStatus.BUSY, () -> svc.destroy(alice, c, null, false));
    assertTrue(destroyedOnTargets.isEmpty());
    svc.destroy(alice, c, null, true);
    assertEquals(List.of(c), destroyedOnTargets);
    assertTrue(replica.rdb.scan("cont/").isEmpty(), () -> "leftover keys " + replica.rdb.scan("cont/").keySet());
  }

  @Test
  void destroy_keeps_the_container_when_a_target_fails() {
    svc = new ContainerService(replica, (p, c) -> {
      throw new io.daos.common.status.DaosException(DaosStatus.UNREACH, "rank 1 unreachable");
    }, io.daos.common.Hlc.system());
    UUID c = create("stays");
    assertStatus(DaosStatus.UNREACH, () -> svc.destroy(alice, c, null, false));
    openRw(c);
  }

  @Test
  void co_exclusive_open() {
    UUID c = create("ex");
    UUID h = open(alice, c, ContRpc.COO_EX);
    assertStatus(DaosStatus.BUSY, () -> open(alice, c, ContRpc.COO_RO));
    svc.close(alice, h);
    UUID ro = open(alice, c, ContRpc.COO_RO);
    assertStatus(DaosStatus.BUSY, () -> open(alice, c, ContRpc.COO_EX));
    svc.close(alice, ro);
    long capas = svc.open(alice, c, null, UUID.randomUUID(), ContRpc.COO_EX).capas();
    assertTrue((capas & ContRpc.CAPA_OPEN_EX) != 0);
  }

  @Test
  void open_same_handle_twice() {
    UUID c = create(null);
    UUID h = UUID.randomUUID();
    svc.open(alice, c, null, h, ContRpc.COO_RW);
    svc.open(alice, c, null, h, ContRpc.COO_RW); // a retried open is fine
    assertStatus(DaosStatus.EXIST, () -> svc.open(alice, c, null, h, ContRpc.COO_RO));
  }

  @Test
  void open_flags_must_name_one_mode() {
    UUID c = create(null);
    assertStatus(DaosStatus.INVAL, () -> open(alice, c, 0));
    assertStatus(DaosStatus.INVAL, () -> open(alice, c, ContRpc.COO_RO | ContRpc.COO_RW));
  }

  @Test
  void unknown_pool_handle() {
    UUID c = create(null);
    byte[] bogus = Uuids.toBytes(UUID.randomUUID());
    assertStatus(DaosStatus.NO_HDL, () -> svc.create(bogus, UUID.randomUUID(), List.of()));
    assertStatus(DaosStatus.NO_HDL, () -> open(bogus, c, ContRpc.COO_RO));
    assertStatus(DaosStatus.NO_HDL, () -> svc.list(new byte[3]));
    assertStatus(DaosStatus.NO_HDL, () -> svc.destroy(bogus, c, null, true));
  }

  @Test
  void unknown_container_handle() {
    UUID c = create(null);
    assertStatus(DaosStatus.NO_HDL, () -> svc.query(alice, c, UUID.randomUUID(), 0));
    assertStatus(DaosStatus.NO_HDL, () -> svc.lookupHandle(UUID.randomUUID()));
    assertStatus(DaosStatus.NO_HDL, () -> svc.data().allocOids(alice, c, UUID.randomUUID(), 1));
  }

  @Test
  void tgt_query_returns_the_handle() {
    UUID c = create(null);
    UUID h = open(alice, c, ContRpc.COO_RO);
    ContHandleRecord r = svc.lookupHandle(h);
    assertEquals(c, r.cont());
    assertEquals(ContRpc.COO_RO, r.flags());
    assertEquals(0, r.capas() & ContRpc.CAPA_WRITE_DATA);
    svc.close(alice, h);
    assertStatus(DaosStatus.NO_HDL, () -> svc.lookupHandle(h));
  }

  @Test
  void close_handles_of_a_pool_handle() {
    byte[] bob = replica.connect("bob", "staff", 2, ALL_POOL_CAPAS);
    UUID c = create(null);
    UUID a = openRw(c);
    UUID b = open(bob, c, ContRpc.COO_RO);
    assertEquals(1, svc.closeHandlesOf(Uuids.fromBytes(bob)));
    assertEquals(List.of(b), invalidatedOnTargets);
    svc.lookupHandle(a);
    assertStatus(DaosStatus.NO_HDL, () -> svc.lookupHandle(b));
  }

  @Test
  void pool_list_cont() {
    UUID a = create("one");
    UUID b = create(null);
    List<ContSummary> l = svc.list(alice);
    assertEquals(2, l.size());
    for (ContSummary s : l) {
      UUID u = Uuids.fromBytes(s.getUuid().toByteArray());
      assertEquals(u.equals(a) ? "one" : "", s.getLabel());
      assertTrue(u.equals(a) || u.equals(b));
    }
  }

  @Test
  void create_needs_the_pool_create_capability() {
    byte[] ro = replica.connect("carol", "staff", 1, PoolRpc.CAPA_READ);
    assertStatus(DaosStatus.NO_PERM, () -> svc.create(ro, UUID.randomUUID(), List.of()));
  }

  @Test
  void follower_answers_notleader() {
    UUID c = create(null);
    replica.rdb.setLeader(false);
    assertStatus(DaosStatus.NOTLEADER, () -> open(alice, c, ContRpc.COO_RO));
    replica.rdb.setLeader(true);
    assertFalse(svc.list(alice).isEmpty());
  }
}
