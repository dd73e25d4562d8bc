package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Pool create, query and destroy spanning hosts, as DAOS does them: the MS (one replica, on the last host) sends each
 * pool dRPC to its own engine, which reaches the ranks of the other hosts and the pool service over CART-J. The
 * pool's one service replica is on the first host, so nothing the MS asks for is served on its own host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ResourceLock(TestLocks.PROCESSES)
class MultiHostPoolTest {
  private static final int HOSTS = 3;

  @TempDir
  static Path dir;
  private ProcessCluster cluster;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = MiniDaosCluster.builder(dir).servers(HOSTS).engines(1).replicas(1).firstReplica(HOSTS - 1).start();
    cluster.waitForReady();
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private List<String> aclEntries(String... cmd) {
    List<String> args = new java.util.ArrayList<>(List.of("pool", cmd[0], "wide"));
    args.addAll(List.of(cmd).subList(1, cmd.length));
    JsonObject env = cluster.dmgJson(args.toArray(new String[0]));
    assertEquals(0, env.get("status").getAsInt(), env + "\n" + cluster.logs());
    List<String> out = new java.util.ArrayList<>();
    env.getAsJsonObject("response").getAsJsonObject("ACL").getAsJsonArray("entries")
        .forEach(e -> out.add(e.getAsString()));
    return out;
  }

  @Test
  void poolOverEveryHostIsCreatedQueriedAndDestroyedFromTheMsHost() {
    JsonObject created = cluster.dmgJson("pool", "create", "wide", "-z", "6G", "--nsvc", "1");
    assertEquals(0, created.get("status").getAsInt(), created + "\n" + cluster.logs());
    JsonObject resp = created.getAsJsonObject("response");
    String uuid = resp.get("uuid").getAsString();
    assertEquals(List.of(0L, 1L, 2L), longs(resp.getAsJsonArray("tgt_ranks")));
    long svcRank = resp.getAsJsonArray("svc_reps").get(0).getAsLong();
    String msHost = cluster.host(HOSTS - 1).addr();
    assertNotEquals(msHost, cluster.members().get((int) svcRank).get("addr").getAsString(),
        "the service replica must be on another host than the MS for this test");
    for (int h = 0; h < HOSTS; h++) {
      assertTrue(Files.isDirectory(poolDir(h, uuid).resolve("vos-0")), "no VOS target on host " + h + "\n"
          + cluster.logs());
    }

    JsonObject q = cluster.dmgJson("pool", "query", "wide");
    assertEquals(0, q.get("status").getAsInt(), q + "\n" + cluster.logs());
    JsonObject info = q.getAsJsonObject("response");
    JsonArray tiers = info.getAsJsonArray("tier_stats");
    List<Long> perRank = longs(resp.getAsJsonArray("tier_bytes"));
    assertEquals(perRank.get(0) * HOSTS, tiers.get(0).getAsJsonObject().get("total").getAsLong(), q.toString());
    assertEquals(perRank.get(1) * HOSTS, tiers.get(1).getAsJsonObject().get("total").getAsLong(), q.toString());
    assertEquals(HOSTS, info.get("total_targets").getAsInt(), q.toString());
    assertEquals(svcRank, info.get("svc_ldr").getAsLong(), q.toString());

    JsonObject props = cluster.dmgJson("pool", "get-prop", "wide", "label");
    assertEquals(0, props.get("status").getAsInt(), props.toString());
    assertEquals(List.of("A::OWNER@:rw", "A:G:GROUP@:rw"), aclEntries("get-acl"),
        "the MS host's engine forwards the ACL calls to the service leader on another host");
    assertEquals(List.of("A::OWNER@:rw", "A:G:GROUP@:rw", "A::EVERYONE@:r"), aclEntries("update-acl", "-e",
        "A::EVERYONE@:r"));
    assertEquals(List.of("A::OWNER@:rw", "A:G:GROUP@:rw"), aclEntries("delete-acl", "-p", "EVERYONE@"));

    CommandResult destroy = cluster.dmg("pool", "destroy", "wide");
    assertEquals(0, destroy.exitCode(), destroy + "\n" + cluster.logs());
    for (int h = 0; h < HOSTS; h++) {
      assertFalse(Files.exists(poolDir(h, uuid)), "pool directory left on host " + h);
    }
    assertEquals(0, cluster.dmgJson("pool", "list").getAsJsonObject("response").getAsJsonArray("pools").size());
  }

  private Path poolDir(int host, String uuid) {
    return cluster.host(host).dir().resolve("scm0").resolve(uuid);
  }

  private static List<Long> longs(JsonArray a) {
    List<Long> out = new ArrayList<>();
    a.forEach(e -> out.add(e.getAsLong()));
    return out;
  }
}
