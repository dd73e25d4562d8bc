package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.acl.AclFile;
import io.daos.itest.TestLocks;
import io.daos.tool.Daos;
import io.daos.tool.api.LibdaosApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The daos tool's container ACL and ownership commands on the in-process cluster, through the tool's entry
 * ({@code Daos.run}, as {@code bin/daos} runs it), with the inputs and expectations of DAOS's security ftests
 * {@code cont_get_acl}, {@code cont_overwrite_acl}, {@code cont_update_acl}, {@code cont_delete_acl} and
 * {@code cont_owner} (their yaml files' invalid entries, principals and file names).
 */
@ResourceLock(TestLocks.IN_PROCESS)
class DaosContAclCliTest extends ClientTestBase {
  private static final List<String> DEFAULT_ACL = List.of("A::OWNER@:rwdtTaAo", "A:G:GROUP@:rwtT");

  @TempDir
  Path tmp;

  record Run(int rc, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private Run daos(String... args) {
    return run(() -> cluster.clientBuilder().build(), args);
  }

  private Run daosAsAlice(String... args) {
    return run(() -> cluster.clientBuilderAs("alice", "staff").build(), args);
  }

  private static Run run(Supplier<DaosClient> clients, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = Daos.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), LibdaosApi.factory(clients), ZoneOffset.UTC);
    return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static void assertFails(Run r, String expected) {
    assertTrue(r.rc() != 0 && r.all().contains(expected), "expected failure with \"" + expected + "\": " + r);
  }

  private static void assertOk(Run r) {
    assertEquals(0, r.rc(), r.toString());
  }

  private Path file(String name, List<String> lines) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, lines, StandardCharsets.UTF_8);
    return p;
  }

  private List<String> acl() {
    return cont.getAcl().entries();
  }

  private static List<String> entries(String text) throws IOException {
    return AclFile.parse(new StringReader(text));
  }

  @Test
  void cont_get_acl_valid() throws IOException {
    for (boolean verbose : List.of(true, false)) {
      for (String name : List.of("123456789", "vAliD.txt", "1ab2@3c4$%(", "normal_filename.txt")) {
        Path p = tmp.resolve(name + "_" + verbose);
        List<String> args = new ArrayList<>(List.of("container", "get-acl", "pool1", "cont1", "-O", p.toString()));
        if (verbose) {
          args.add("-V");
        }
        Run r = daos(args.toArray(String[]::new));
        assertOk(r);
        String text = Files.readString(p);
        assertEquals(DEFAULT_ACL, entries(text), "the file holds the ACL");
        assertTrue(text.startsWith("# Owner: ") && text.contains("# Owner Group: "), text);
        assertEquals(verbose, text.contains("# Allow::Owner:Read/Write/Destroy-Cont/Get-Prop/Set-Prop/Get-ACL/Set-ACL/"
            + "Set-Owner"), text);
        assertEquals(text, r.out(), "stdout shows the same text");
        assertFails(daos(args.toArray(String[]::new)), "file exists");
        args.add("--force");
        assertOk(daos(args.toArray(String[]::new)));
      }
    }
    Run json = daos("-j", "container", "get-acl", "pool1", "cont1");
    assertOk(json);
    assertTrue(json.out().contains("\"entries\"") && json.out().contains("\"owner_user\"")
        && json.out().contains("\"owner_group\""), json.out());
  }

  @Test
  void cont_get_acl_no_perm() {
    cluster.poolUpdateAcl("A::EVERYONE@:rw");
    assertFails(daosAsAlice("container", "get-acl", "pool1", "cont1", "-O", tmp.resolve("outfile.txt").toString()),
        "-1001");
  }

  @Test
  void cont_overwrite_acl() throws IOException {
    for (String missing : List.of("123456789", "NoT_vAliD.txt", "1ab2@3c4$%(")) {
      assertFails(daos("container", "overwrite-acl", "pool1", "cont1", "-f", tmp.resolve(missing).toString()),
          "no such file or directory");
    }
    assertFails(daos("container", "overwrite-acl", "pool1", "cont1", "-f", file("empty", List.of()).toString()),
        "no entries");
    for (List<String> bad : invalidFileContents()) {
      assertFails(daos("container", "overwrite-acl", "pool1", "cont1", "-f", file("bad", bad).toString()),
          "-1003");
      assertEquals(DEFAULT_ACL, acl(), "unchanged");
    }
    Path valid = file("valid", List.of("A::OWNER@:dtTaAo", "A:G:my_great_test@:rw", "A::person@:r"));
    Run r = daos("container", "replace", "pool1", "cont1", "--acl-file", valid.toString());
    assertOk(r);
    List<String> want = List.of("A::OWNER@:dtTaAo", "A::person@:r", "A:G:my_great_test@:rw");
    assertEquals(want, entries(r.out()), "prints the new ACL");
    assertEquals(want, acl());
    assertFails(daos("container", "overwrite-acl", "pool1", "cont1"), "acl-file");
  }

  @Test
  void cont_overwrite_acl_no_perm() throws IOException {
    cluster.poolUpdateAcl("A::EVERYONE@:rw");
    cont.updateAcl(List.of("A::alice@:rw"));
    Path valid = file("valid", List.of("A::OWNER@:dtTaAo", "A:G:my_great_test@:rw", "A::person@:r"));
    assertFails(daosAsAlice("container", "overwrite-acl", "pool1", "cont1", "-f", valid.toString()), "-1001");
    assertEquals(List.of("A::OWNER@:rwdtTaAo", "A::alice@:rw", "A:G:GROUP@:rwtT"), acl());
  }

  private static List<List<String>> invalidFileContents() {
    return List.of(List.of("@$%656672!7", "987654321", "A::OWNER@:dtTaAo"),
        List.of("B::OWNER@:dtTaAo", "C::GROUP@:dtTaAo"), List.of("A::OWNER@:NOTPERMISSIONS", "A::OWNER@:123456"),
        List.of("A::OWNER:dtTaAo", "A:G:GROUP:dtTaAo"));
  }

  @Test
  void cont_update_acl() throws IOException {
    for (String bad : List.of("@$%656672!7", "987654321", "B::OWNER@:dtTaAo", "A::OWNER@:NOTPERMISSIONS",
        "A::OWNER:dtTaAo")) {
      assertFails(daos("container", "update-acl", "pool1", "cont1", "-e", bad), "-1003");
    }
    for (String missing : List.of("123456789", "NoT_vAliD.txt")) {
      assertFails(daos("container", "update-acl", "pool1", "cont1", "-f", tmp.resolve(missing).toString()),
          "no such file or directory");
    }
    for (List<String> bad : invalidFileContents()) {
      assertFails(daos("container", "update-acl", "pool1", "cont1", "-f", file("bad", bad).toString()), "-1003");
    }
    assertFails(daos("container", "update-acl", "pool1", "cont1", "-f", file("empty", List.of()).toString()),
        "no entries");
    assertEquals(DEFAULT_ACL, acl(), "unchanged");
    assertFails(daos("container", "update-acl", "pool1", "cont1"), "one of --entry or --acl-file must be supplied");
    assertFails(daos("container", "update-acl", "pool1", "cont1", "-e", "A::x@:r", "-f", "f"),
        "only one of --entry or --acl-file may be supplied");
    List<String> add = List.of("A:G:my_great_test@:rw", "A::my_new_principal@:rwTao");
    List<String> all = new ArrayList<>(DEFAULT_ACL);
    all.addAll(add);
    assertOk(daos("container", "update-acl", "pool1", "cont1", "-f", file("f1", all).toString()));
    assertOk(daos("container", "update-acl", "pool1", "cont1", "-f",
        file("f2", List.of("A:G:my_great_test@:rwd", "A::my_new_principal@:rw")).toString()));
    Run r = daos("container", "update-acl", "pool1", "cont1", "--entry", "A::last_one@:rw");
    assertOk(r);
    List<String> want = List.of("A::OWNER@:rwdtTaAo", "A::my_new_principal@:rw", "A::last_one@:rw",
        "A:G:GROUP@:rwtT", "A:G:my_great_test@:rwd");
    assertEquals(want, entries(r.out()));
    assertEquals(want, acl());
  }

  @Test
  void cont_update_acl_no_perm() {
    cluster.poolUpdateAcl("A::EVERYONE@:rw");
    cont.updateAcl(List.of("A::alice@:rw"));
    assertFails(daosAsAlice("container", "update-acl", "pool1", "cont1", "-e", "A::alice@:rwA"), "-1001");
  }

  @Test
  void cont_delete_acl() throws IOException {
    for (String bad : List.of("123456789", "NoT_vAliD", "1ab2@3c4$%(")) {
      assertFails(daos("container", "delete-acl", "pool1", "cont1", "-P", bad), "-1003");
    }
    cluster.poolUpdateAcl("A::EVERYONE@:rw");
    for (String p : List.of("OWNER@", "GROUP@")) {
      assertFails(daosAsAlice("container", "delete-acl", "pool1", "cont1", "-P", p), "-1001");
    }
    Run r = daos("container", "delete-acl", "pool1", "cont1", "--principal", "GROUP@");
    assertOk(r);
    assertEquals(List.of("A::OWNER@:rwdtTaAo"), entries(r.out()));
    assertFalse(r.out().contains("A:G:GROUP@:rwtT"), r.out());
    r = daos("container", "delete-acl", "pool1", "cont1", "-P", "OWNER@");
    assertOk(r);
    assertTrue(r.out().contains("#   None"), r.out());
    assertFails(daos("container", "delete-acl", "pool1", "cont1", "-P", "OWNER@"), "-1005");
  }

  /** DAOS_ACL_MAX_ACE_LEN through the tool: a file over 64 KiB of entries fails before anything is sent. */
  @Test
  void cont_acl_size_limit() throws IOException {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 1400; i++) {
      many.add(String.format("A::user%05d@:r", i));
    }
    Run r = daos("container", "update-acl", "pool1", "cont1", "-f", file("big", many).toString());
    assertFails(r, "-1003");
    assertTrue(r.all().contains("65536") && r.all().contains("DAOS_ACL_MAX_ACE_LEN"), r.toString());
    assertEquals(DEFAULT_ACL, acl());
  }

  @Test
  void cont_owner_set_owner_no_check_non_posix() {
    assertFails(daos("container", "set-owner", "pool1", "cont1"), "at least one of user or group must be supplied");
    assertFails(daos("container", "set-owner", "pool1", "cont1", "--user", "fakeuser"), "-1005");
    assertFails(daos("container", "set-owner", "pool1", "cont1", "--group", "fakegroup"), "-1005");
    assertFails(daos("container", "set-owner", "pool1", "cont1", "-u", "fakeuser", "--uid", "123", "--no-check"),
        "for POSIX containers only");
    assertFails(daos("container", "set-owner", "pool1", "cont1", "-g", "fakegroup", "--gid", "123", "--no-check"),
        "for POSIX containers only");
    Run r = daos("container", "set-owner", "pool1", "cont1", "-u", "fakeuser", "-g", "fakegroup", "--no-check");
    assertOk(r);
    assertEquals("Successfully set owner for container cont1\n", r.out());
    assertEquals(List.of("fakeuser@", "fakegroup@"), List.of(cont.getAcl().ownerUser(), cont.getAcl().ownerGroup()));
  }

  @Test
  void cont_owner_set_owner_no_check_posix() {
    assertOk(daos("container", "create", "pool1", "posix1", "--type", "POSIX"));
    assertFails(daos("container", "set-owner", "pool1", "posix1", "--user", "fakeuser"), "-1005");
    assertFails(daos("container", "set-owner", "pool1", "posix1", "--group", "fakegroup"), "-1005");
    assertFails(daos("container", "set-owner", "pool1", "posix1", "-u", "fakeuser", "--no-check"), "requires --uid");
    assertFails(daos("container", "set-owner", "pool1", "posix1", "-g", "fakegroup", "--no-check"), "requires --gid");
    assertFails(daos("container", "set-owner", "pool1", "posix1", "-u", "fakeuser", "--uid", "123", "-g",
        "fakegroup", "--gid", "456"), "--no-check is required");
    assertOk(daos("container", "set-owner", "pool1", "posix1", "-u", "fakeuser", "--uid", "123", "-g", "fakegroup",
        "--gid", "456", "--no-check"));
  }

  /** cont_create_acl: {@code daos container create --acl-file} makes the container with that ACL. */
  @Test
  void cont_create_acl() throws IOException {
    Path f = file("create", List.of("# comment", "A::OWNER@:rwdtTaAo", "", "A::EVERYONE@:r"));
    assertOk(daos("container", "create", "pool1", "withacl", "--acl-file", f.toString(), "-g", "devs"));
    Run r = daos("container", "get-acl", "pool1", "withacl");
    assertOk(r);
    assertEquals(List.of("A::OWNER@:rwdtTaAo", "A::EVERYONE@:r"), entries(r.out()));
    assertTrue(r.out().contains("# Owner Group: devs@"), r.out());
    assertFails(daos("container", "create", "pool1", "badacl", "-A", file("bad", List.of("A::x:r")).toString()),
        "-1003");
  }
}
