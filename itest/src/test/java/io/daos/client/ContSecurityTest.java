package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.cont.ContainerAcl;
import io.daos.client.cont.ContainerProps;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.itest.TestLocks;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Container ACLs and ownership end to end, as DAOS's security ftests ({@code cont_acl}, {@code cont_get_acl},
 * {@code cont_overwrite_acl}, {@code cont_update_acl}, {@code cont_delete_acl}, {@code cont_owner}) and the
 * container suite's ACL cases (CONT8 co_acl, CONT18 co_set_owner, CONT21 co_owner_implicit_access) check them:
 * a second user, alice (group staff, also in devs), whose credential a daos_agent signs, against containers the
 * test's user owns. The pool lets everyone in ({@code A::EVERYONE@:rw}), as the ftests grant "root".
 */
@ResourceLock(TestLocks.IN_PROCESS)
class ContSecurityTest extends ClientTestBase {
  private static final byte[] V = "v".getBytes(StandardCharsets.UTF_8);
  private static final List<String> DEFAULT_ACL = List.of("A::OWNER@:rwdtTaAo", "A:G:GROUP@:rwtT");
  private DaosClient alice;

  @BeforeEach
  void alice() {
    cluster.poolUpdateAcl("A::EVERYONE@:rw");
    alice = cluster.clientBuilderAs("alice", "staff", "devs").build();
  }

  @org.junit.jupiter.api.AfterEach
  void closeAlice() {
    alice.close();
  }

  private static DaosStatus status(Executable call) {
    return assertThrows(DaosException.class, call).status();
  }

  private DaosContainer aliceOpens(int flags) {
    return alice.connectPool("pool1", PoolRpc.PC_RO).openContainer("cont1", flags);
  }

  // --- cont_acl: enforcement order and each permission ---------------------------------------------------------

  /** What alice may do with the container once {@code entry} (built for her principal) is its ACL's entry. */
  record Perm(String name, String perms, int flags, boolean read, boolean write, boolean getProp, boolean setProp,
      boolean getAcl, boolean setAcl, boolean setOwner) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Perm> permissions() {
    int ro = ContRpc.COO_RO;
    int rw = ContRpc.COO_RW;
    return Stream.of(
        new Perm("r", "r", ro, true, false, false, false, false, false, false),
        new Perm("rw", "rw", rw, true, true, false, false, false, false, false),
        new Perm("rwtT", "rwtT", rw, true, true, true, true, false, false, false),
        new Perm("aA", "aA", rw, false, false, false, false, true, true, false),
        new Perm("ro", "ro", rw, true, false, false, false, false, false, true),
        new Perm("rwdtTaAo", "rwdtTaAo", rw, true, true, true, true, true, true, true));
  }

  /** Each principal type alice can match, with the ACL entry that names her that way. */
  static Stream<String[]> principals() {
    return Stream.of(new String[] {"user", "A::alice@:"}, new String[] {"group", "A:G:devs@:"},
        new String[] {"owner-group", "A:G:GROUP@:"}, new String[] {"everyone", "A::EVERYONE@:"});
  }

  static Stream<Object[]> cont_acl_cases() {
    return principals().flatMap(p -> permissions().map(perm -> new Object[] {p[0] + " " + perm, p[1], perm}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cont_acl_cases")
  void cont_acl(String name, String prefix, Perm p) {
    List<String> acl = new ArrayList<>(List.of("A::OWNER@:rwdtTaAo"));
    acl.add(prefix + p.perms());
    cont.overwriteAcl(acl);
    if (prefix.contains("GROUP@")) {
      cont.setOwner(null, "staff@");
    }
    cont.setAttributes(Map.of("a", V));
    String group = cont.getAcl().ownerGroup();
    DaosContainer c = aliceOpens(p.flags());
    check(p.read(), () -> c.getAttributes(List.of("a")), name + ": read attribute");
    check(p.write(), () -> c.setAttributes(Map.of("b", V)), name + ": write attribute");
    check(p.getProp(), c::getProps, name + ": get-prop");
    check(p.setProp(), () -> c.setProps(ContainerProps.empty().withLabel("cont1")), name + ": set-prop");
    check(p.getAcl(), c::getAcl, name + ": get-acl");
    check(p.setAcl(), () -> c.updateAcl(List.of("A::bob@:r")), name + ": update-acl");
    check(p.setOwner(), () -> c.setOwner(null, group), name + ": set-owner");
    c.close();
  }

  private static void check(boolean allowed, Executable op, String what) {
    if (allowed) {
      try {
        op.execute();
      } catch (Throwable t) {
        throw new AssertionError(what + " should be allowed", t);
      }
    } else {
      assertEquals(DaosStatus.NO_PERM, status(op), what + " should be denied");
    }
  }

  /** DAOS's order: the owner entry, else a named user, else the union of groups, else everyone, else nothing. */
  @Test
  void cont_acl_enforcement_order() {
    cont.overwriteAcl(List.of("A::OWNER@:rwdtTaAo", "A::alice@:r", "A:G:devs@:rw", "A:G:staff@:t",
        "A::EVERYONE@:rwtT"));
    assertEquals(ContRpc.CAPA_READ_DATA, capas(ContRpc.COO_RO), "the named entry wins over groups and everyone");
    cont.deleteAcl("u:alice@");
    assertEquals(ContRpc.CAPA_READ_DATA | ContRpc.CAPA_WRITE_DATA | ContRpc.CAPA_GET_PROP, capas(ContRpc.COO_RW),
        "the union of every group alice is in");
    cont.deleteAcl("g:devs@");
    cont.deleteAcl("g:staff@");
    assertEquals(ContRpc.CAPA_READ_DATA | ContRpc.CAPA_GET_PROP, capas(ContRpc.COO_RO), "then everyone");
    cont.deleteAcl("EVERYONE@");
    assertEquals(DaosStatus.NO_PERM, status(() -> aliceOpens(ContRpc.COO_RO)), "default deny");
    cont.setOwner("alice@", null);
    DaosContainer c = aliceOpens(ContRpc.COO_RO);
    assertEquals(ContRpc.CAPA_READ_DATA | ContRpc.CAPA_GET_PROP | ContRpc.CAPA_GET_ACL, c.capabilities(),
        "the owner entry, read-only");
    c.close();
  }

  private long capas(int flags) {
    DaosContainer c = aliceOpens(flags);
    long capas = c.capabilities();
    c.close();
    return capas;
  }

  // --- get/overwrite/update/delete ------------------------------------------------------------------------------

  @Test
  void cont_get_acl() {
    ContainerAcl acl = cont.getAcl();
    assertEquals(DEFAULT_ACL, acl.entries());
    assertTrue(acl.ownerUser().endsWith("@") && acl.ownerGroup().endsWith("@"), acl.toString());
    assertEquals(DaosStatus.NO_PERM, status(() -> aliceOpens(ContRpc.COO_RO)), "no entry for alice: -1001");
    cont.updateAcl(List.of("A::alice@:ra"));
    DaosContainer c = aliceOpens(ContRpc.COO_RO);
    assertEquals(acl.ownerUser(), c.getAcl().ownerUser(), "get-acl needs 'a' only");
    assertEquals(DaosStatus.NO_PERM, status(c::getProps), "other properties need 't'");
    c.close();
  }

  @Test
  void cont_overwrite_acl() {
    List<String> valid = List.of("A::OWNER@:dtTaAo", "A:G:my_great_test@:rw", "A::person@:r");
    for (List<String> bad : List.of(List.of("@$%656672!7", "987654321", "A::OWNER@:dtTaAo"),
        List.of("B::OWNER@:dtTaAo", "C::GROUP@:dtTaAo"), List.of("A::OWNER@:NOTPERMISSIONS", "A::OWNER@:123456"),
        List.of("A::OWNER:dtTaAo", "A:G:GROUP:dtTaAo"))) {
      assertEquals(DaosStatus.INVAL, status(() -> cont.overwriteAcl(bad)), bad.toString());
      assertEquals(DEFAULT_ACL, cont.getAcl().entries(), "unchanged after " + bad);
    }
    cont.overwriteAcl(valid);
    assertEquals(List.of("A::OWNER@:dtTaAo", "A::person@:r", "A:G:my_great_test@:rw"), cont.getAcl().entries());
    cont.overwriteAcl(DEFAULT_ACL);
    cont.updateAcl(List.of("A::alice@:rw"));
    DaosContainer c = aliceOpens(ContRpc.COO_RW);
    assertEquals(DaosStatus.NO_PERM, status(() -> c.overwriteAcl(valid)), "no 'A' for alice: -1001");
    c.close();
    assertEquals(List.of("A::OWNER@:rwdtTaAo", "A::alice@:rw", "A:G:GROUP@:rwtT"), cont.getAcl().entries());
  }

  @Test
  void cont_update_acl() {
    cont.updateAcl(List.of("A:G:my_great_test@:rw", "A::my_new_principal@:rwTao"));
    cont.updateAcl(List.of("A:G:my_great_test@:rwd", "A::my_new_principal@:rw"));
    cont.updateAcl(List.of("A:G:new_new_principal@:rwd", "A::last_one@:rw"));
    assertEquals(List.of("A::OWNER@:rwdtTaAo", "A::my_new_principal@:rw", "A::last_one@:rw", "A:G:GROUP@:rwtT",
        "A:G:my_great_test@:rwd", "A:G:new_new_principal@:rwd"), cont.getAcl().entries());
    for (String bad : List.of("@$%656672!7", "987654321", "B::OWNER@:dtTaAo", "A::OWNER@:NOTPERMISSIONS",
        "A::OWNER:dtTaAo")) {
      assertEquals(DaosStatus.INVAL, status(() -> cont.updateAcl(List.of(bad))), bad);
    }
    cont.updateAcl(List.of("A::alice@:rw"));
    DaosContainer c = aliceOpens(ContRpc.COO_RW);
    assertEquals(DaosStatus.NO_PERM, status(() -> c.updateAcl(List.of("A::alice@:rwA"))), "no 'A': -1001");
    c.close();
  }

  @Test
  void cont_delete_acl() {
    for (String bad : List.of("123456789", "NoT_vAliD", "1ab2@3c4$%(")) {
      assertEquals(DaosStatus.INVAL, status(() -> cont.deleteAcl(bad)), bad);
    }
    cont.updateAcl(List.of("A::alice@:rw", "A:G:devs@:r", "A::EVERYONE@:r"));
    DaosContainer c = aliceOpens(ContRpc.COO_RW);
    for (String p : List.of("OWNER@", "u:alice@", "GROUP@", "g:devs@", "EVERYONE@")) {
      assertEquals(DaosStatus.NO_PERM, status(() -> c.deleteAcl(p)), "alice may not delete " + p);
    }
    c.close();
    for (String p : List.of("OWNER@", "u:alice@", "GROUP@", "g:devs@", "EVERYONE@")) {
      cont.deleteAcl(p);
      String key = p.replaceFirst("^[ug]:", "");
      assertTrue(cont.getAcl().entries().stream().noneMatch(e -> e.split(":")[2].equals(key)), p);
    }
    assertEquals(List.of(), cont.getAcl().entries());
    assertEquals(DaosStatus.NONEXIST, status(() -> cont.deleteAcl("EVERYONE@")));
  }

  /** DAOS_ACL_MAX_ACE_LEN: the client refuses a list over 64 KiB, the service an update that would grow past it. */
  @Test
  void cont_acl_size_limit() {
    List<String> half = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      half.add(String.format("A::user%05d@:r", i));
      other.add(String.format("A::other%05d@:r", i));
    }
    List<String> all = new ArrayList<>(half);
    all.addAll(other);
    DaosException e = assertThrows(DaosException.class, () -> cont.updateAcl(all));
    assertEquals(DaosStatus.INVAL, e.status());
    assertTrue(e.getMessage().contains("DAOS_ACL_MAX_ACE_LEN"), e.getMessage());
    cont.updateAcl(half);
    assertEquals(DaosStatus.INVAL, status(() -> cont.updateAcl(other)), "700 + 700 entries of 48 bytes");
    assertEquals(702, cont.getAcl().entries().size(), "unchanged by the refused update");
  }

  // --- ownership ------------------------------------------------------------------------------------------------

  @Test
  void cont_owner() {
    ContainerAcl before = cont.getAcl();
    cont.setOwner("fakeuser@", null);
    assertEquals(List.of("fakeuser@", before.ownerGroup()), owner());
    cont.setOwner(null, "fakegroup@");
    assertEquals(List.of("fakeuser@", "fakegroup@"), owner());
    assertEquals(DaosStatus.INVAL, status(() -> cont.setOwner("no-at-sign", null)));
    assertEquals(DaosStatus.INVAL, status(() -> cont.setOwner(null, null)));
    cont.setOwner(before.ownerUser(), before.ownerGroup());
    assertEquals(List.of(before.ownerUser(), before.ownerGroup()), owner());
    cont.updateAcl(List.of("A::alice@:rwt"));
    DaosContainer c = aliceOpens(ContRpc.COO_RW);
    assertEquals(DaosStatus.NO_PERM, status(() -> c.setOwner("alice@", null)), "set-owner needs 'o'");
    c.close();
    cont.updateAcl(List.of("A::alice@:rwo"));
    DaosContainer o = aliceOpens(ContRpc.COO_RW);
    o.setOwner("alice@", "staff@");
    o.close();
    DaosContainer now = aliceOpens(ContRpc.COO_RO);
    ContainerAcl acl = now.getAcl();
    now.close();
    assertEquals(List.of("alice@", "staff@"), List.of(acl.ownerUser(), acl.ownerGroup()), "alice owns it now");
    assertEquals(DaosStatus.NO_PERM, status(() -> pool.openContainer("cont1", ContRpc.COO_RO)),
        "the old owner has no entry of its own any more");
  }

  /** Through the test's handle, which keeps the rights it was opened with (a new open may no longer be owner). */
  private List<String> owner() {
    ContainerAcl a = cont.getAcl();
    return List.of(a.ownerUser(), a.ownerGroup());
  }

  /** CONT21: with an owner entry granting nothing, the owner may still read and change the ACL. */
  @Test
  void cont_owner_implicit_access() {
    cont.overwriteAcl(List.of("A::OWNER@:"));
    DaosContainer c = pool.openContainer("cont1", ContRpc.COO_RW);
    assertEquals(ContRpc.CAPA_GET_ACL | ContRpc.CAPA_SET_ACL, c.capabilities());
    assertEquals(List.of("A::OWNER@:"), c.getAcl().entries());
    assertEquals(DaosStatus.NO_PERM, status(c::getProps));
    c.updateAcl(List.of("A::OWNER@:rwdtTaAo"));
    c.close();
    assertEquals(List.of("A::OWNER@:rwdtTaAo"), cont.getAcl().entries());
  }
}
