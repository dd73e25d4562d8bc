package io.daos.dmg.command.pool.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.DmgOutput;
import io.daos.dmg.command.FakeControlInvoker;
import io.daos.proto.mgmt.ACLResp;
import io.daos.proto.mgmt.AccessControlList;
import io.daos.proto.mgmt.DeleteACLReq;
import io.daos.proto.mgmt.GetACLReq;
import io.daos.proto.mgmt.ModifyACLReq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS TestDmg_PoolCommands ACL cases, TestPoolGetACLToFile_Success, and the ACL commands' text and JSON. */
class PoolAclCommandTest {
  static final String UUID = "12345678-1234-1234-1234-1234567890ab";
  static final List<String> TEST_ACL = List.of("A::OWNER@:rw", "A:G:GROUP@:rw", "A:G:readers@:r");

  @TempDir
  static Path dir;
  static Path aclFile;
  static Path emptyFile;
  static Path existingFile;

  FakeControlInvoker fake;

  @BeforeEach
  void files() throws Exception {
    aclFile = Files.writeString(dir.resolve("acl.txt"), "# an ACL\n" + String.join("\n", TEST_ACL) + "\n\n");
    emptyFile = Files.writeString(dir.resolve("empty.txt"), "# only a comment\n");
    existingFile = Files.writeString(dir.resolve("existing.txt"), "old\n");
    ACLResp ok = ACLResp.newBuilder().setAcl(AccessControlList.newBuilder().addAllEntries(TEST_ACL)
        .setOwnerUser("bob@").setOwnerGroup("admins@")).build();
    fake = new FakeControlInvoker().on("PoolGetACL", ACLResp.getDefaultInstance()).on("PoolOverwriteACL", ok)
        .on("PoolUpdateACL", ok).on("PoolDeleteACL", ok);
  }

  private DmgOutput dmg(String line) throws Exception {
    return DmgOutput.run(dir, fake, line.split(" "));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("Get pool ACL", "pool get-acl 031bcaf8-f0f5-42ef-b3c5-ee048676dceb",
            GetACLReq.newBuilder().setSys("daos_server").setId("031bcaf8-f0f5-42ef-b3c5-ee048676dceb").build(), null),
        Arguments.of("Get pool ACL with verbose flag", "pool get-acl 031bcaf8-f0f5-42ef-b3c5-ee048676dceb --verbose",
            GetACLReq.newBuilder().setSys("daos_server").setId("031bcaf8-f0f5-42ef-b3c5-ee048676dceb").build(), null),
        Arguments.of("Get pool ACL with output to bad file",
            "pool get-acl 031bcaf8-f0f5-42ef-b3c5-ee048676dceb --outfile /foo/bar/acl.txt", null,
            "open /foo/bar/acl.txt: no such file or directory"),
        Arguments.of("Get pool ACL with output to existing file",
            "pool get-acl 031bcaf8-f0f5-42ef-b3c5-ee048676dceb --outfile EXISTING", null,
            "file already exists: EXISTING"),
        Arguments.of("Overwrite pool ACL with invalid ACL file",
            "pool overwrite-acl " + UUID + " --acl-file /not/a/real/file", null,
            "opening ACL file: open /not/a/real/file: no such file or directory"),
        Arguments.of("Overwrite pool ACL with empty ACL file", "pool overwrite-acl " + UUID + " --acl-file EMPTY",
            null, "ACL file 'EMPTY' contains no entries"),
        Arguments.of("Overwrite pool ACL", "pool overwrite-acl " + UUID + " --acl-file ACL",
            ModifyACLReq.newBuilder().setSys("daos_server").setId(UUID).addAllEntries(TEST_ACL).build(), null),
        Arguments.of("Update pool ACL with invalid ACL file",
            "pool update-acl " + UUID + " --acl-file /not/a/real/file", null,
            "opening ACL file: open /not/a/real/file: no such file or directory"),
        Arguments.of("Update pool ACL with empty ACL file", "pool update-acl " + UUID + " --acl-file EMPTY", null,
            "ACL file 'EMPTY' contains no entries"),
        Arguments.of("Update pool ACL without file or entry", "pool update-acl " + UUID, null,
            "either ACL file or entry parameter is required"),
        Arguments.of("Update pool ACL with both file and entry",
            "pool update-acl " + UUID + " --acl-file ACL --entry A::user@:rw", null,
            "either ACL file or entry parameter is required"),
        Arguments.of("Update pool ACL with ACL file", "pool update-acl " + UUID + " --acl-file ACL",
            ModifyACLReq.newBuilder().setSys("daos_server").setId(UUID).addAllEntries(TEST_ACL).build(), null),
        Arguments.of("Update pool ACL with entry", "pool update-acl " + UUID + " --entry A::user@:rw",
            ModifyACLReq.newBuilder().setSys("daos_server").setId(UUID).addEntries("A::user@:rw").build(), null),
        Arguments.of("Delete pool ACL without principal flag", "pool delete-acl " + UUID, null,
            "Missing required option: '--principal=<principal>'"),
        Arguments.of("Delete pool ACL", "pool delete-acl " + UUID + " --principal OWNER@",
            DeleteACLReq.newBuilder().setSys("daos_server").setId(UUID).setPrincipal("OWNER@").build(), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void poolAclCommands(String name, String line, Object wantReq, String wantErr) throws Exception {
    String cmd = line.replace("EXISTING", existingFile.toString()).replace("EMPTY", emptyFile.toString())
        .replace(" ACL", " " + aclFile);
    DmgOutput r = dmg(cmd);
    if (wantErr != null) {
      assertEquals(1, r.exit());
      String err = wantErr.replace("EXISTING", existingFile.toString()).replace("EMPTY", emptyFile.toString());
      assertTrue(r.err().contains(err), r.err());
      return;
    }
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(wantReq), fake.requests);
  }

  @Test
  void poolGetAclToFileSuccess() throws Exception {
    Path out = dir.resolve("out.txt");
    Files.deleteIfExists(out);
    DmgOutput r = dmg("pool get-acl 031bcaf8-f0f5-42ef-b3c5-ee048676dceb --outfile " + out);
    assertEquals(0, r.exit(), r.err());
    assertEquals("Wrote ACL to output file: " + out + "\n", r.out());
    assertEquals(List.of("# Entries:", "#   None"), Files.readAllLines(out));
  }

  @Test
  void getAclWithOutputToExistingFileWithForce() throws Exception {
    DmgOutput r = dmg("pool get-acl 031bcaf8-f0f5-42ef-b3c5-ee048676dceb --outfile " + existingFile + " --force");
    assertEquals(0, r.exit(), r.err());
    assertEquals("# Entries:\n#   None\n", Files.readString(existingFile));
  }

  @Test
  void updateTextShowsTheResultingAcl() throws Exception {
    DmgOutput r = dmg("pool update-acl tank -e A::user@:rw");
    assertEquals("Pool-update-ACL command succeeded, ID: tank\n# Owner: bob@\n# Owner Group: admins@\n"
        + "# Entries:\nA::OWNER@:rw\nA:G:GROUP@:rw\nA:G:readers@:r\n", r.out());
  }

  @Test
  void getAclVerboseAndJson() throws Exception {
    fake.on("PoolGetACL", ACLResp.newBuilder().setAcl(AccessControlList.newBuilder().addEntries("A::OWNER@:rw")
        .setOwnerUser("bob@")).build());
    assertEquals("# Owner: bob@\n# Entries:\n# Allow::Owner:Read/Write\nA::OWNER@:rw\n",
        dmg("pool get-acl tank -v").out());
    JsonObject env = JsonParser.parseString(dmg("-j pool get-acl tank").out()).getAsJsonObject();
    assertEquals(JsonParser.parseString("{\"ACL\":{\"entries\":[\"A::OWNER@:rw\"],\"owner_user\":\"bob@\","
        + "\"owner_group\":\"\"}}"), env.get("response"));
    assertEquals(0, env.get("status").getAsInt());
  }

  @Test
  void badAceIsDaosInvalidParameters() throws Exception {
    fake.on("PoolUpdateACL", new DaosException(DaosStatus.INVAL));
    DmgOutput r = dmg("pool update-acl tank -e A::bad");
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("ERROR: dmg: Pool-update-ACL command failed: DER_INVAL(-1003)"), r.err());
    JsonObject env = JsonParser.parseString(dmg("-j pool update-acl tank -e A::bad").out()).getAsJsonObject();
    assertEquals(-1003, env.get("status").getAsInt());
    assertTrue(env.get("response").isJsonNull());
  }

  @Test
  void deleteMissingEntryIsNonexist() throws Exception {
    fake.on("PoolDeleteACL", ACLResp.newBuilder().setStatus(DaosStatus.NONEXIST.code()).build());
    DmgOutput r = dmg("pool delete-acl tank -p u:nobody@");
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("ERROR: dmg: Pool-delete-ACL command failed: DER_NONEXIST(-1005)"), r.err());
  }
}
