package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * dmg's pool administration against real processes (one daos_server, two SCM-only engines of two targets: 1% of
 * 1 GiB bdevs would be below DAOS's 1 GiB of NVMe per target): a pool sized with {@code -z 1%}, {@code pool query-targets}, and the ACL commands through the MS to the pool service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(TestLocks.PROCESSES)
class PoolAdminTest {
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path dir;
  private ServerProcess server;

  @BeforeAll
  void start() throws Exception {
    server = ServerProcess.start(dir, 2, true);
    CommandResult format = server.dmg("storage", "format");
    assertEquals(0, format.exitCode(), format.toString());
    server.waitForAll("joined", Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void createWithPercentageOfFreeStorage() {
    JsonObject env = server.dmgJson("pool", "create", "tank", "-z", "1%");
    assertEquals(0, env.get("status").getAsInt(), env + "\n" + server.log());
    JsonObject resp = env.getAsJsonObject("response");
    assertEquals(2, resp.getAsJsonArray("tgt_ranks").size(), resp.toString());
    assertTrue(resp.getAsJsonArray("tier_bytes").get(0).getAsLong() > 0, resp.toString());
  }

  @Test
  @Order(2)
  void queryTargetsOfOneRank() {
    JsonObject env = server.dmgJson("pool", "query-targets", "tank", "--rank", "1");
    assertEquals(0, env.get("status").getAsInt(), env.toString());
    JsonArray infos = env.getAsJsonObject("response").getAsJsonArray("Infos");
    assertEquals(2, infos.size(), env.toString());
    assertEquals("up_in", infos.get(0).getAsJsonObject().get("target_state").getAsString());
    CommandResult text = server.dmg("pool", "query-targets", "tank", "--rank", "0", "--target-idx", "1");
    assertEquals(0, text.exitCode(), text.toString());
    assertTrue(text.stdout().startsWith("Target: state up_in\n- Storage tier 0 (SCM):\n  Total size: "),
        text.toString());
  }

  @Test
  @Order(3)
  void aclGetUpdateDelete() {
    CommandResult get = server.dmg("pool", "get-acl", "tank");
    assertEquals(0, get.exitCode(), get.toString());
    assertTrue(get.stdout().contains("# Entries:\nA::OWNER@:rw\nA:G:GROUP@:rw\n"), get.toString());
    assertTrue(get.stdout().startsWith("# Owner: "), get.toString());

    assertEquals(List.of("A::OWNER@:rw", "A:G:GROUP@:rw", "A::bob@:r"), entries("update-acl", "-e",
        "A::bob@:r"));
    CommandResult bad = server.dmg("pool", "update-acl", "tank", "-e", "A::GROUP@:rw");
    assertEquals(1, bad.exitCode(), bad.toString());
    assertTrue(bad.stderr().contains("Pool-update-ACL command failed: DER_INVAL(-1003)"), bad.toString());

    assertEquals(List.of("A::OWNER@:rw", "A:G:GROUP@:rw"), entries("delete-acl", "-p", "u:bob@"));
    CommandResult again = server.dmg("pool", "delete-acl", "tank", "-p", "u:bob@");
    assertEquals(1, again.exitCode(), again.toString());
    assertTrue(again.stderr().contains("DER_NONEXIST(-1005)"), again.toString());
  }

  private List<String> entries(String cmd, String flag, String value) {
    JsonObject env = server.dmgJson("pool", cmd, "tank", flag, value);
    assertEquals(0, env.get("status").getAsInt(), env.toString());
    List<String> out = new ArrayList<>();
    env.getAsJsonObject("response").getAsJsonObject("ACL").getAsJsonArray("entries")
        .forEach(e -> out.add(e.getAsString()));
    return out;
  }
}
