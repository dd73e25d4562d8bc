package io.daos.engine.cont;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosStatus;
import io.daos.proto.cont.Snapshot;
import io.daos.rpc.ContRpc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Attributes, OID allocation and snapshots. */
class ContDataOpsTest extends ContTestSupport {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void co_attribute() {
    UUID c = create(null);
    UUID h = openRw(c);
    Map<String, byte[]> set = new LinkedHashMap<>();
    set.put("AttrName1", b("AttrValue1"));
    set.put("AttrName2", b("AttrValue2"));
    svc.data().setAttrs(alice, c, h, set);
    assertEquals(List.of("AttrName1", "AttrName2"), new ArrayList<>(svc.data().listAttrs(alice, c, h).keySet()));
    assertArrayEquals(b("AttrValue2"), svc.data().getAttrs(alice, c, h, List.of("AttrName2")).get("AttrName2"));
    svc.data().delAttrs(alice, c, h, List.of("AttrName1", "NoSuchAttr"));
    assertStatus(DaosStatus.NONEXIST, () -> svc.data().getAttrs(alice, c, h, List.of("AttrName1")));
    assertEquals(1, svc.data().listAttrs(alice, c, h).size());
    assertStatus(DaosStatus.INVAL, () -> svc.data().setAttrs(alice, c, h, Map.of("", b("x"))));
  }

  @Test
  void co_attribute_access() {
    UUID c = create(null);
    UUID ro = open(alice, c, ContRpc.COO_RO);
    assertStatus(DaosStatus.NO_PERM, () -> svc.data().setAttrs(alice, c, ro, Map.of("a", b("1"))));
    assertStatus(DaosStatus.NO_PERM, () -> svc.data().delAttrs(alice, c, ro, List.of("a")));
    assertTrue(svc.data().listAttrs(alice, c, ro).isEmpty());
  }

  @Test
  void oid_alloc_ranges_never_overlap() {
    UUID c = create(null);
    UUID h = openRw(c);
    long next = 0;
    for (long n : new long[] {1, 7, 1024, 3}) {
      long lo = svc.data().allocOids(alice, c, h, n);
      assertEquals(next, lo, "ranges are consecutive and disjoint");
      next = lo + n;
    }
    UUID h2 = open(alice, c, ContRpc.COO_RO);
    assertEquals(next, svc.data().allocOids(alice, c, h2, 10), "another handle continues after the last range");
    assertEquals(next + 10, svc.store.prop(c, ContProps.CO_ALLOCED_OID).getNum(), "persisted as alloc_oid");
    assertStatus(DaosStatus.INVAL, () -> svc.data().allocOids(alice, c, h, 0));
  }

  @Test
  void snapshots_create_list_destroy() {
    UUID c = create(null);
    UUID h = openRw(c);
    List<Long> epochs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      epochs.add(svc.data().createSnapshot(alice, c, h, "snap" + i));
    }
    List<Snapshot> l = svc.data().listSnapshots(alice, c, h);
    assertEquals(epochs, l.stream().map(Snapshot::getEpoch).toList());
    assertEquals("snap2", l.get(2).getName());
    assertEquals(4, svc.query(alice, c, h, 0).info().getSnapshots());
    assertEquals(epochs.get(3).longValue(), svc.query(alice, c, h, 0).info().getLatestSnapshot());
    svc.data().destroySnapshots(alice, c, h, epochs.get(0), 0);
    assertStatus(DaosStatus.NONEXIST, () -> svc.data().destroySnapshots(alice, c, h, epochs.get(0), 0));
    assertEquals(2, svc.data().destroySnapshots(alice, c, h, epochs.get(1), epochs.get(2)));
    assertEquals(List.of(epochs.get(3)), svc.data().listSnapshots(alice, c, h).stream().map(Snapshot::getEpoch)
        .toList());
  }

  @Test
  void snapshot_access_and_max() {
    UUID c = create(null);
    UUID h = openRw(c);
    svc.props().set(alice, c, null, h, List.of(num(ContProps.CO_SNAPSHOT_MAX, 1)));
    svc.data().createSnapshot(alice, c, h, null);
    assertStatus(DaosStatus.NOSPACE, () -> svc.data().createSnapshot(alice, c, h, null));
    UUID ro = open(alice, c, ContRpc.COO_RO);
    assertStatus(DaosStatus.NO_PERM, () -> svc.data().createSnapshot(alice, c, ro, null));
    assertEquals(1, svc.data().listSnapshots(alice, c, ro).size());
  }
}
