package io.daos.engine.cont;

import static io.daos.engine.cont.ContProps.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosStatus;
import io.daos.proto.pool.Prop;
import io.daos.rpc.ContRpc;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Container properties: DAOS's defaults and inheritance, validation, and what prop set may change. */
class ContPropsTest extends ContTestSupport {
  private Map<Integer, Prop> props(UUID c, UUID h) {
    return svc.query(alice, c, h, 0).props().stream().collect(Collectors.toMap(Prop::getType, p -> p));
  }

  @Test
  void co_properties_defaults() {
    replica.poolProps.put(PO_REDUN_FAC, num(PO_REDUN_FAC, 2));
    replica.poolProps.put(PO_EC_CELL_SZ, num(PO_EC_CELL_SZ, 1 << 20));
    UUID c = create(null);
    Map<Integer, Prop> p = props(c, openRw(c));
    assertEquals(LABEL_DEFAULT, p.get(CO_LABEL).getStr());
    assertEquals(0, p.get(CO_LAYOUT_TYPE).getNum());
    assertEquals(1, p.get(CO_LAYOUT_VER).getNum());
    assertEquals(0, p.get(CO_CSUM).getNum());
    assertEquals(32 << 10, p.get(CO_CSUM_CHUNK_SIZE).getNum());
    assertEquals(0, p.get(CO_CSUM_SERVER_VERIFY).getNum());
    assertEquals(2, p.get(CO_REDUN_FAC).getNum(), "rd_fac inherited from the pool");
    assertEquals(2, p.get(CO_REDUN_LVL).getNum(), "rd_lvl node");
    assertEquals(1 << 20, p.get(CO_EC_CELL_SZ).getNum(), "ec_cell_sz inherited from the pool");
    assertEquals(0, p.get(CO_SNAPSHOT_MAX).getNum());
    assertEquals(0, p.get(CO_DEDUP).getNum());
    assertEquals(4096, p.get(CO_DEDUP_THRESHOLD).getNum());
    assertEquals(0, p.get(CO_COMPRESS).getNum());
    assertEquals(0, p.get(CO_ENCRYPT).getNum());
    assertEquals("alice@", p.get(CO_OWNER).getStr());
    assertEquals("staff@", p.get(CO_OWNER_GROUP).getStr());
    assertEquals(List.of("A::OWNER@:rwdtTaAo", "A:G:GROUP@:rwtT"),
        ContAcl.decode(p.get(CO_ACL).getRaw().toByteArray()).strings());
    assertEquals(0, p.get(CO_ALLOCED_OID).getNum());
    assertEquals(statusValue(0, 0, replica.mapVersion), p.get(CO_STATUS).getNum(), "healthy");
    assertEquals(1, p.get(CO_OBJ_VERSION).getNum());
  }

  @Test
  void co_properties() {
    UUID c = UUID.randomUUID();
    svc.create(alice, c, List.of(ContPropRules.str(CO_LABEL, "props"), num(CO_REDUN_FAC, 1), num(CO_CSUM, 3),
        num(CO_SNAPSHOT_MAX, 8), num(CO_EC_CELL_SZ, 64 << 10), ContPropRules.str(CO_OWNER, "dave@")));
    UUID h = openRw(c);
    Map<Integer, Prop> p = props(c, h);
    assertEquals(1, p.get(CO_REDUN_FAC).getNum(), "an explicit rd_fac wins over the pool's");
    assertEquals(3, p.get(CO_CSUM).getNum());
    assertEquals(8, p.get(CO_SNAPSHOT_MAX).getNum());
    assertEquals(64 << 10, p.get(CO_EC_CELL_SZ).getNum());
    assertEquals("dave@", p.get(CO_OWNER).getStr());
    assertEquals("props", svc.query(alice, c, h, 0).info().getLabel());
  }

  record BadProp(String name, Prop prop) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<BadProp> invalidCreateProps() {
    return Stream.of(new BadProp("pool prop type", num(PO_REDUN_FAC, 1)),
        new BadProp("rd_fac 5", num(CO_REDUN_FAC, 5)),
        new BadProp("rd_lvl 0", num(CO_REDUN_LVL, 0)),
        new BadProp("csum 9", num(CO_CSUM, 9)),
        new BadProp("dedup threshold 1K", num(CO_DEDUP_THRESHOLD, 1024)),
        new BadProp("global version", num(CO_GLOBAL_VERSION, 1)),
        new BadProp("label as number", num(CO_LABEL, 1)),
        new BadProp("bad ACL", ContPropRules.raw(CO_ACL, "A::OWNER@:rwz".getBytes())),
        new BadProp("owner without @", ContPropRules.str(CO_OWNER, "alice")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCreateProps")
  void co_create_invalid_props(BadProp tc) {
    assertStatus(DaosStatus.INVAL, () -> svc.create(alice, UUID.randomUUID(), List.of(tc.prop())));
    assertTrue(svc.list(alice).isEmpty());
  }

  record SetCase(String name, Prop prop, DaosStatus want) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<SetCase> setCases() {
    return Stream.of(new SetCase("layout type", num(CO_LAYOUT_TYPE, 1), null),
        new SetCase("rd_fac", num(CO_REDUN_FAC, 1), null),
        new SetCase("snapshot max", num(CO_SNAPSHOT_MAX, 3), null),
        new SetCase("owner", ContPropRules.str(CO_OWNER, "bob@"), null),
        new SetCase("status healthy", num(CO_STATUS, statusValue(0, 1, 0)), null),
        new SetCase("status unclean", num(CO_STATUS, statusValue(1, 0, 0)), DaosStatus.INVAL),
        new SetCase("alloced oid", num(CO_ALLOCED_OID, 100), DaosStatus.NO_PERM),
        new SetCase("ec cell size", num(CO_EC_CELL_SZ, 1 << 20), DaosStatus.NO_PERM),
        new SetCase("ec pda", num(CO_EC_PDA, 2), DaosStatus.NO_PERM),
        new SetCase("rp pda", num(CO_RP_PDA, 2), DaosStatus.NO_PERM),
        new SetCase("perf domain", num(CO_PERF_DOMAIN, 255), DaosStatus.NO_PERM),
        new SetCase("global version", num(CO_GLOBAL_VERSION, 9), DaosStatus.INVAL),
        new SetCase("obj version", num(CO_OBJ_VERSION, 2), DaosStatus.INVAL),
        new SetCase("invalid label", ContPropRules.str(CO_LABEL, "bad label"), DaosStatus.INVAL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setCases")
  void co_set_prop(SetCase tc) {
    UUID c = create("setprop");
    UUID h = openRw(c);
    if (tc.want() == null) {
      svc.props().set(alice, c, null, h, List.of(tc.prop()));
      // status:healthy (daos_cont_status_clear) is stored without its CLEAR flag, at the pool map's version (DAOS
      // set_prop: the failures the RF check counts start after it).
      Prop stored = tc.prop().getType() == CO_STATUS ? num(CO_STATUS, statusValue(0, 0, replica.mapVersion))
          : tc.prop();
      assertEquals(stored, props(c, h).get(tc.prop().getType()));
    } else {
      Prop before = props(c, h).get(tc.prop().getType());
      assertStatus(tc.want(), () -> svc.props().set(alice, c, null, h, List.of(tc.prop())));
      assertEquals(before, props(c, h).get(tc.prop().getType()));
    }
  }

  @Test
  void co_set_prop_label_keeps_the_index() {
    UUID c = create("old");
    UUID other = create("taken");
    UUID h = openRw(c);
    svc.props().set(alice, c, null, h, List.of(ContPropRules.str(CO_LABEL, "new")));
    assertEquals(c, svc.store.byLabel("new"));
    assertEquals(null, svc.store.byLabel("old"));
    assertStatus(DaosStatus.EXIST, () -> svc.props().set(alice, c, null, h,
        List.of(ContPropRules.str(CO_LABEL, "taken"))));
    assertEquals(other, svc.store.byLabel("taken"));
    create("old"); // the old label is free
    svc.open(alice, null, "new", UUID.randomUUID(), ContRpc.COO_RO);
  }

  @Test
  void set_prop_by_label_without_handle() {
    UUID c = create("admin");
    svc.props().set(alice, null, "admin", null, List.of(num(CO_LAYOUT_TYPE, 2)));
    assertEquals(2, props(c, openRw(c)).get(CO_LAYOUT_TYPE).getNum());
  }

  @Test
  void co_set_prop_access() {
    UUID c = create(null);
    UUID ro = open(alice, c, ContRpc.COO_RO);
    assertStatus(DaosStatus.NO_PERM, () -> svc.props().set(alice, c, null, ro, List.of(num(CO_LAYOUT_TYPE, 1))));
  }

  @Test
  void co_mdtimes() throws Exception {
    UUID c = create(null);
    UUID h = openRw(c);
    long mtime = svc.query(alice, c, h, 0).info().getMdMtime();
    svc.props().set(alice, c, null, h, List.of(num(CO_LAYOUT_TYPE, 1)));
    assertTrue(Long.compareUnsigned(svc.query(alice, c, h, 0).info().getMdMtime(), mtime) > 0);
    long otime = svc.query(alice, c, h, 0).info().getMdOtime();
    open(alice, c, ContRpc.COO_RO | ContainerService.COO_RO_MDSTATS);
    assertEquals(otime, svc.query(alice, c, h, 0).info().getMdOtime(), "RO|RO_MDSTATS opens do not count");
    openRw(c);
    assertFalse(otime == svc.query(alice, c, h, 0).info().getMdOtime());
  }
}
