package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.daos.itest.DmgInProcess.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SMD commands on an in-process system of 2 ranks × 2 targets with a sparse 64 GiB file bdev per engine (DAOS's
 * pool create needs 1 GiB of NVMe per target), as DAOS's ftests control/dmg_storage_query.py, nvme/fault.py and
 * nvme/pool_capacity.py: list-devices and list-pools, a device set faulty (EVICTED, its targets DOWN in an NVMe pool)
 * and revived with {@code replace nvme}, and usage feeding {@code pool create --size N%}. Each test leaves the
 * devices NORMAL and destroys its pools.
 */
class DmgStorageQueryTest {
  private static final int RANKS = 2;
  private static final long BDEV = 64L << 30;
  private static final long NVME_MIN = 2L << 30;
  private static Path dir;
  private static InProcessCluster cluster;

  @BeforeAll
  static void start() throws IOException {
    dir = Files.createTempDirectory("jdaos-smd-");
    cluster = MiniDaosCluster.builder(dir).inProcess().servers(RANKS).engines(1).targets(2).replicas(1)
        .bdevSize((int) (BDEV >> 30)).start();
    cluster.waitForReady();
  }

  @AfterAll
  static void stop() throws IOException {
    if (cluster != null) {
      cluster.close();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static Run dmg(String... args) {
    return DmgInProcess.run(cluster.controlConfig(), args);
  }

  private static Run ok(String... args) {
    Run r = dmg(args);
    assertEquals(0, r.rc(), () -> String.join(" ", args) + ": " + r);
    return r;
  }

  /** Every device of list-devices -j with the host set it was reported for. */
  private List<Map.Entry<String, JsonObject>> devices() {
    List<Map.Entry<String, JsonObject>> out = new ArrayList<>();
    JsonObject hsm = ok("-j", "storage", "query", "list-devices").json().getAsJsonObject("response")
        .getAsJsonObject("host_storage_map");
    for (Map.Entry<String, JsonElement> e : hsm.entrySet()) {
      JsonObject set = e.getValue().getAsJsonObject();
      for (JsonElement d : set.getAsJsonObject("storage").getAsJsonObject("smd_info").getAsJsonArray("devices")) {
        out.add(Map.entry(set.get("hosts").getAsString(), d.getAsJsonObject()));
      }
    }
    return out;
  }

  private static String state(JsonObject dev) {
    return dev.getAsJsonObject("ctrlr").get("dev_state").getAsString();
  }

  @Test
  void test_dmg_storage_query_devices() {
    List<Map.Entry<String, JsonObject>> devs = devices();
    assertEquals(RANKS, devs.size(), devs.toString());
    List<Long> ranks = new ArrayList<>();
    for (Map.Entry<String, JsonObject> e : devs) {
      JsonObject d = e.getValue();
      assertEquals("[0,1]", d.getAsJsonArray("tgt_ids").toString());
      assertEquals("NA", d.get("roles").getAsString());
      assertEquals(0, d.get("role_bits").getAsInt());
      assertEquals("NORMAL", state(d));
      assertEquals("NA", d.getAsJsonObject("ctrlr").get("led_state").getAsString());
      assertTrue(d.getAsJsonObject("ctrlr").get("pci_addr").getAsString().endsWith(".img"), d.toString());
      assertEquals(36, d.get("uuid").getAsString().length());
      ranks.add(d.get("rank").getAsLong());
    }
    assertEquals(List.of(0L, 1L), ranks.stream().sorted().toList());
    Run text = ok("storage", "query", "list-devices", "--rank", "1");
    assertTrue(text.out().contains("  Devices\n    UUID:"), text.out());
    assertTrue(text.out().contains("      Roles:NA Targets:[0 1] Rank:1 State:NORMAL LED:NA\n"), text.out());
    assertFalse(text.out().contains("Rank:0"), text.out());
  }

  @Test
  void ledIdentifyCheckAndResetOfFileDevices() {
    Map.Entry<String, JsonObject> first = devices().get(0);
    String host = first.getKey();
    JsonObject dev = first.getValue();
    String uuid = dev.get("uuid").getAsString();
    String path = dev.getAsJsonObject("ctrlr").get("pci_addr").getAsString();
    Run blink = ok("storage", "led", "identify", "-l", host, uuid);
    assertTrue(blink.out().contains("    TrAddr:" + path + " [UUID:" + uuid + "] LED:QUICK_BLINK\n"), blink.out());
    Run check = ok("storage", "led", "check", "-l", host, path);
    assertTrue(check.out().contains("    TrAddr:" + path + " [UUID:" + uuid + "] LED:NA\n"), check.out());
    Run reset = ok("storage", "led", "identify", "--reset", "-l", host, uuid);
    assertTrue(reset.out().contains("LED:OFF\n"), reset.out());
    Run all = ok("-j", "storage", "led", "check");
    assertEquals(RANKS, all.json().getAsJsonObject("response").getAsJsonObject("host_storage_map").size());
    Run other = dmg("storage", "led", "check", uuid);
    assertTrue(other.rc() != 0 && other.err().contains("ids requested but not found"), "hosts without the device "
        + "answer an error, as DAOS's: " + other);
    Run unknown = dmg("storage", "led", "check", "-l", host, "00000000-0000-0000-0000-000000000009");
    assertTrue(unknown.rc() != 0 && unknown.err().contains("ids requested but not found"), unknown.toString());
  }

  @Test
  void test_dmg_storage_query_pools() {
    InProcessCluster.CreatedPool p = cluster.createPool("smdpools", 64L << 20, NVME_MIN, 1);
    try {
      JsonObject hsm = ok("-j", "storage", "query", "list-pools", "-v").json().getAsJsonObject("response")
          .getAsJsonObject("host_storage_map");
      int ranks = 0;
      for (Map.Entry<String, JsonElement> e : hsm.entrySet()) {
        JsonObject pools = e.getValue().getAsJsonObject().getAsJsonObject("storage").getAsJsonObject("smd_info")
            .getAsJsonObject("pools");
        JsonArray entries = pools.getAsJsonArray(p.uuid().toString());
        for (JsonElement en : entries) {
          assertEquals(2, en.getAsJsonObject().getAsJsonArray("tgt_ids").size());
          assertEquals(2, en.getAsJsonObject().getAsJsonArray("blobs").size());
          ranks++;
        }
      }
      assertEquals(RANKS, ranks);
      Run text = ok("storage", "query", "list-pools", "-v", "--uuid", p.uuid().toString());
      assertTrue(text.out().contains("  Pools\n    UUID:" + p.uuid() + "\n      Rank:"), text.out());
      assertTrue(text.out().contains(" Targets:[0 1] Blobs:["), text.out());
    } finally {
      cluster.destroyPool("smdpools");
    }
    Run after = ok("storage", "query", "list-pools");
    assertFalse(after.out().contains("UUID:"), after.out());
    assertTrue(after.out().contains("No pools with NVMe found"), after.out());
  }

  @Test
  void test_nvme_fault() {
    InProcessCluster.CreatedPool p = cluster.createPool("smdfault", 64L << 20, NVME_MIN, 1);
    Map.Entry<String, JsonObject> victim = devices().stream()
        .filter(e -> e.getValue().get("rank").getAsLong() == 1).findFirst().orElseThrow();
    String host = victim.getKey();
    String uuid = victim.getValue().get("uuid").getAsString();
    try {
      Run set = ok("storage", "set", "nvme-faulty", "-l", host, "--uuid", uuid, "--force");
      assertEquals("set-faulty operation performed successfully on the following host: " + host + "\n", set.out());
      JsonObject dev = devices().stream().filter(e -> e.getValue().get("uuid").getAsString().equals(uuid))
          .findFirst().orElseThrow().getValue();
      assertEquals("EVICTED", state(dev));
      Run evicted = ok("storage", "query", "list-devices", "--show-evicted");
      assertTrue(evicted.out().contains("UUID:" + uuid) && evicted.out().contains("State:EVICTED"), evicted.out());
      Poll.until("rank 1's targets excluded and rebuilt (down_out)", Duration.ofSeconds(120),
          () -> targetStates("smdfault", 1).stream().allMatch("down_out"::equals), () -> targetStates("smdfault", 1)
              .toString());
      Run again = ok("storage", "replace", "nvme", "-l", host, "--old-uuid", uuid, "--new-uuid", uuid);
      assertEquals("dev-replace operation performed successfully on the following host: " + host + "\n",
          again.out());
      assertEquals("NORMAL", state(devices().stream().filter(e -> e.getValue().get("uuid").getAsString()
          .equals(uuid)).findFirst().orElseThrow().getValue()));
      Poll.until("rank 1's targets reintegrated", Duration.ofSeconds(120),
          () -> targetStates("smdfault", 1).stream().allMatch("up_in"::equals), () -> targetStates("smdfault", 1)
              .toString());
    } finally {
      for (Map.Entry<String, JsonObject> e : devices()) {
        if (!"NORMAL".equals(state(e.getValue()))) {
          String id = e.getValue().get("uuid").getAsString();
          dmg("storage", "replace", "nvme", "-l", e.getKey(), "--old-uuid", id, "--new-uuid", id);
        }
      }
      cluster.destroyPool("smdfault");
    }
  }

  private List<String> targetStates(String pool, int rank) {
    JsonObject r = ok("-j", "pool", "query-targets", pool, "--rank", Integer.toString(rank)).json()
        .getAsJsonObject("response");
    List<String> out = new ArrayList<>();
    r.getAsJsonArray("Infos").forEach(i -> out.add(i.getAsJsonObject().get("target_state").getAsString()));
    return out;
  }

  @Test
  void test_nvme_pool_capacity() {
    JsonObject hsm = ok("-j", "storage", "query", "usage").json().getAsJsonObject("response")
        .getAsJsonObject("HostStorage");
    for (Map.Entry<String, JsonElement> e : hsm.entrySet()) {
      JsonObject smd = smdOf(e.getValue());
      assertEquals(BDEV, smd.get("total_bytes").getAsLong(), smd.toString());
      assertEquals(BDEV, smd.get("avail_bytes").getAsLong(), smd.toString());
      assertEquals(BDEV, smd.get("usable_bytes").getAsLong(), smd.toString());
      assertEquals(32L << 20, smd.get("cluster_size").getAsLong());
      assertEquals("[0,1]", smd.getAsJsonArray("tgt_ids").toString());
    }
    Run text = ok("storage", "query", "usage");
    assertTrue(text.out().contains("NVMe-Total") && text.out().contains(" 69 GB ") && text.out().contains(" 0 %"),
        text.out());
    ok("pool", "create", "--size", "5%", "smdcap");
    try {
      JsonObject q = ok("-j", "pool", "query", "smdcap").json().getAsJsonObject("response");
      long nvme = q.getAsJsonArray("tier_stats").get(1).getAsJsonObject().get("total").getAsLong();
      assertTrue(nvme >= RANKS * NVME_MIN, q.toString());
      long perRank = (long) (BDEV * 0.05);
      long clusterSize = 32L << 20;
      JsonObject after = ok("-j", "storage", "query", "usage").json().getAsJsonObject("response")
          .getAsJsonObject("HostStorage");
      for (Map.Entry<String, JsonElement> e : after.entrySet()) {
        JsonObject smd = smdOf(e.getValue());
        assertEquals((BDEV - perRank / 2 * 2) / clusterSize * clusterSize, smd.get("avail_bytes").getAsLong(),
            smd.toString());
      }
    } finally {
      cluster.destroyPool("smdcap");
    }
  }

  private static JsonObject smdOf(JsonElement hostSet) {
    return hostSet.getAsJsonObject().getAsJsonObject("storage").getAsJsonArray("nvme_devices").get(0)
        .getAsJsonObject().getAsJsonArray("smd_devices").get(0).getAsJsonObject();
  }
}
