package io.daos.engine.cont;

import io.daos.common.status.DaosStatus;
import io.daos.rpc.PoolRpc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.proto.pool.Prop;
import io.daos.rpc.ContRpc;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Container ACLs and the capabilities they grant (co_acl, co_open_access, co_owner_implicit_access...). */
class ContAclTest extends ContTestSupport {
  private List<String> acl(UUID c, UUID h) {
    Prop p = svc.query(alice, c, h, 0).props().stream().filter(x -> x.getType() == ContProps.CO_ACL).findFirst()
        .orElseThrow();
    return ContAcl.decode(p.getRaw().toByteArray()).strings();
  }

  @Test
  void co_acl() {
    UUID c = create(null);
    UUID h = openRw(c);
    svc.props().updateAcl(alice, c, h, List.of("A::bob@:rw", "A:G:devs@:r"), false);
    assertEquals(List.of("A::OWNER@:rwdtTaAo", "A::bob@:rw", "A:G:GROUP@:rwtT", "A:G:devs@:r"), acl(c, h),
        "entries in DAOS's order: owner, users, owner group, groups, everyone");
    svc.props().updateAcl(alice, c, h, List.of("A::bob@:r"), false);
    assertTrue(acl(c, h).contains("A::bob@:r"));
    svc.props().deleteAcl(alice, c, h, "u:bob@");
    svc.props().deleteAcl(alice, c, h, "g:devs@");
    assertEquals(List.of("A::OWNER@:rwdtTaAo", "A:G:GROUP@:rwtT"), acl(c, h));
    assertStatus(DaosStatus.NONEXIST, () -> svc.props().deleteAcl(alice, c, h, "EVERYONE@"));
    svc.props().updateAcl(alice, c, h, List.of("A::OWNER@:rwtTaA"), true);
    assertEquals(List.of("A::OWNER@:rwtTaA"), acl(c, h));
    assertStatus(DaosStatus.INVAL, () -> svc.props().updateAcl(alice, c, h, List.of("A::bob:rw"), false));
    assertStatus(DaosStatus.INVAL, () -> svc.props().updateAcl(alice, c, h, List.of("X::bob@:rw"), false));
  }

  @Test
  void co_modify_acl_access() {
    UUID c = create(null);
    UUID ro = open(alice, c, ContRpc.COO_RO);
    assertStatus(DaosStatus.NO_PERM, () -> svc.props().updateAcl(alice, c, ro, List.of("A::bob@:r"), false));
  }

  record Access(String name, String user, String group, long flags, List<String> aces, long capas,
      DaosStatus want) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final long RO_CAPAS = ContRpc.CAPA_READ_DATA | ContRpc.CAPA_GET_PROP;

  static Stream<Access> access() {
    long groupRw = ContRpc.CAPA_READ_DATA | ContRpc.CAPA_WRITE_DATA | ContRpc.CAPA_GET_PROP | ContRpc.CAPA_SET_PROP;
    return Stream.of(
        new Access("owner RO has no write capability", "alice", "staff", ContRpc.COO_RO, List.of(),
            RO_CAPAS | ContRpc.CAPA_GET_ACL, null),
        new Access("owner group RW", "bob", "staff", ContRpc.COO_RW, List.of(), groupRw, null),
        new Access("stranger", "eve", "others", ContRpc.COO_RO, List.of(), 0, DaosStatus.NO_PERM),
        new Access("everyone read", "eve", "others", ContRpc.COO_RO, List.of("A::EVERYONE@:r"),
            ContRpc.CAPA_READ_DATA, null),
        new Access("everyone read but RW asked", "eve", "others", ContRpc.COO_RW, List.of("A::EVERYONE@:r"), 0,
            DaosStatus.NO_PERM),
        new Access("named user beats groups", "bob", "staff", ContRpc.COO_RW, List.of("A::bob@:r"), 0,
            DaosStatus.NO_PERM),
        new Access("named group", "eve", "devs", ContRpc.COO_RW, List.of("A:G:devs@:rw"),
            ContRpc.CAPA_READ_DATA | ContRpc.CAPA_WRITE_DATA, null),
        new Access("group member EX", "bob", "staff", ContRpc.COO_EX, List.of(), 0, DaosStatus.NO_PERM));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("access")
  void co_open_access(Access tc) {
    UUID c = create(null);
    if (!tc.aces().isEmpty()) {
      UUID h = openRw(c);
      svc.props().updateAcl(alice, c, h, tc.aces(), false);
      svc.close(alice, h);
    }
    byte[] ph = replica.connect(tc.user(), tc.group(), 2, PoolRpc.CAPA_READ);
    if (tc.want() != null) {
      assertStatus(tc.want(), () -> open(ph, c, tc.flags()));
    } else {
      assertEquals(tc.capas(), svc.open(ph, c, null, UUID.randomUUID(), tc.flags()).capas());
    }
  }

  @Test
  void co_owner_implicit_access() {
    UUID c = create(null);
    UUID h = openRw(c);
    svc.props().updateAcl(alice, c, h, List.of("A::OWNER@:r"), true);
    svc.close(alice, h);
    long capas = svc.open(alice, c, null, UUID.randomUUID(), ContRpc.COO_RO).capas();
    assertEquals(ContRpc.CAPA_READ_DATA | ContRpc.CAPA_GET_ACL, capas, "the owner may always get the ACL");
  }

  @Test
  void co_destroy_access_denied() {
    UUID c = create(null);
    byte[] bob = replica.connect("bob", "staff", 2, PoolRpc.CAPA_READ);
    assertStatus(DaosStatus.NO_PERM, () -> svc.destroy(bob, c, null, false));
    byte[] admin = replica.connect("root", "root", 2, ALL_POOL_CAPAS);
    svc.destroy(admin, c, null, false); // allowed by the pool's delete-container capability
  }

  /** DAOS's cont_query rule: get-acl needs 'a' only; other properties need 't'. */
  @Test
  void co_get_acl_access() {
    UUID c = create(null);
    UUID h = openRw(c);
    svc.props().updateAcl(alice, c, h, List.of("A::bob@:ra", "A::carol@:rt"), false);
    UUID bob = open(replica.connect("bob", "others", 2, PoolRpc.CAPA_READ), c, ContRpc.COO_RO);
    long aclBits = ContQueryBits.ACL | ContQueryBits.OWNER | ContQueryBits.OWNER_GROUP;
    assertEquals(3, svc.query(alice, c, bob, aclBits).props().size(), "ACL, owner and group with 'a' alone");
    assertStatus(DaosStatus.NO_PERM, () -> svc.query(alice, c, bob, 0));
    UUID carol = open(replica.connect("carol", "others", 2, PoolRpc.CAPA_READ), c, ContRpc.COO_RO);
    assertStatus(DaosStatus.NO_PERM, () -> svc.query(alice, c, carol, aclBits));
    assertEquals(2, svc.query(alice, c, carol, ContQueryBits.OWNER | ContQueryBits.OWNER_GROUP).props().size());
  }

  @Test
  void acl_size_limit() {
    UUID c = create(null);
    UUID h = openRw(c);
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 1600; i++) {
      many.add("A::user" + i + "@:r");
    }
    assertStatus(DaosStatus.INVAL, () -> svc.props().updateAcl(alice, c, h, many, false));
    assertEquals(List.of("A::OWNER@:rwdtTaAo", "A:G:GROUP@:rwtT"), acl(c, h), "unchanged");
    svc.props().updateAcl(alice, c, h, many.subList(0, 1000), false);
    assertEquals(1002, acl(c, h).size());
  }
}
