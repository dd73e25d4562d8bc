package io.daos.dmg.command.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import io.daos.dmg.output.storage.SmdPrinter;
import io.daos.proto.ctl.LedState;
import io.daos.proto.ctl.NvmeController;
import io.daos.proto.ctl.NvmeDevState;
import io.daos.proto.ctl.SmdDevice;
import io.daos.proto.ctl.SmdManageResp;
import io.daos.proto.ctl.SmdQueryResp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code dmg storage query list-devices|list-pools} text and JSON from SmdQuery responses, with the cases of DAOS's
 * pretty/storage_query_test.go TestPretty_PrintSmdInfoMap.
 */
class SmdPrintTest {
  private static final String U0 = "00000000-0000-0000-0000-000000000000";
  private static final String U1 = "00000001-0001-0001-0001-000000000001";
  private static final String U3 = "00000003-0003-0003-0003-000000000003";

  private static String print(SmdQueryResp pb, boolean noDevs, boolean noPools, boolean verbose) {
    SmdResp r = new SmdResp();
    r.addQuery("host1", pb, false);
    StringBuilder out = new StringBuilder();
    SmdPrinter.printSmdInfo(out, r.hsm, new SmdPrinter.Options(noDevs, noPools, false, verbose));
    return out.toString();
  }

  private static SmdQueryResp pools() {
    SmdQueryResp.Pool p = SmdQueryResp.Pool.newBuilder().setUuid(U0).addAllTgtIds(List.of(0, 1, 2, 3))
        .addAllBlobs(List.of(11L, 12L, 13L, 14L)).build();
    return SmdQueryResp.newBuilder().addRanks(SmdQueryResp.RankResp.newBuilder().setRank(0).addPools(p))
        .addRanks(SmdQueryResp.RankResp.newBuilder().setRank(1).addPools(p)).build();
  }

  @Test
  void list_pools_standard() {
    assertEquals("-----\nhost1\n-----\n  Pools\n    UUID:" + U0 + "\n      Rank:0 Targets:[0 1 2 3]\n"
        + "      Rank:1 Targets:[0 1 2 3]\n\n", print(pools(), true, false, false));
  }

  @Test
  void list_pools_verbose() {
    assertEquals("-----\nhost1\n-----\n  Pools\n    UUID:" + U0 + "\n      Rank:0 Targets:[0 1 2 3] Blobs:[11 12 13 14]\n"
        + "      Rank:1 Targets:[0 1 2 3] Blobs:[11 12 13 14]\n\n", print(pools(), true, false, true));
  }

  @Test
  void list_pools_none_found() {
    assertEquals("-----\nhost1\n-----\n  No pools with NVMe found\n",
        print(SmdQueryResp.newBuilder().addRanks(SmdQueryResp.RankResp.getDefaultInstance()).build(), true, false,
            false));
  }

  @Test
  void list_devices_none_found() {
    assertEquals("-----\nhost1\n-----\n  No devices found\n",
        print(SmdQueryResp.newBuilder().addRanks(SmdQueryResp.RankResp.getDefaultInstance()).build(), false, true,
            false));
  }

  private static SmdDevice dev(String uuid, List<Integer> tgts, int roles, String addr, NvmeDevState st,
      LedState led, int nsid) {
    return SmdDevice.newBuilder().setUuid(uuid).addAllTgtIds(tgts).setRoleBits(roles).setCtrlrNamespaceId(nsid)
        .setCtrlr(NvmeController.newBuilder().setPciAddr(addr).setDevState(st).setLedState(led)).build();
  }

  private static SmdQueryResp devices() {
    return SmdQueryResp.newBuilder().addRanks(SmdQueryResp.RankResp.newBuilder().setRank(0)
        .addDevices(dev(U1, List.of(3, 4, 5), 3, "0000:8b:00.0", NvmeDevState.EVICTED, LedState.ON, 1)))
        .addRanks(SmdQueryResp.RankResp.newBuilder().setRank(1)
            .addDevices(dev(U3, List.of(3, 4, 5), 3, "0000:db:00.0", NvmeDevState.NORMAL, LedState.QUICK_BLINK,
                0)))
        .build();
  }

  @Test
  void list_devices() {
    assertEquals("-----\nhost1\n-----\n  Devices\n"
        + "    UUID:" + U1 + " [TrAddr:0000:8b:00.0 NSID:1]\n"
        + "      Roles:data,meta Targets:[3 4 5] Rank:0 State:EVICTED LED:ON\n"
        + "    UUID:" + U3 + " [TrAddr:0000:db:00.0]\n"
        + "      Roles:data,meta Targets:[3 4 5] Rank:1 State:NORMAL LED:QUICK_BLINK\n",
        print(devices(), false, true, false));
  }

  @Test
  void listDevicesJsonHasDaosFieldNames() {
    SmdResp r = new SmdResp();
    r.addQuery("host1:10001", devices(), true);
    JsonObject json = r.toJson();
    assertEquals(0, json.getAsJsonObject("host_errors").size());
    JsonObject set = json.getAsJsonObject("host_storage_map").entrySet().iterator().next().getValue()
        .getAsJsonObject();
    assertEquals("host1:10001", set.get("hosts").getAsString());
    JsonObject smd = set.getAsJsonObject("storage").getAsJsonObject("smd_info");
    assertEquals(1, smd.getAsJsonArray("devices").size(), "only the evicted device");
    JsonObject d = smd.getAsJsonArray("devices").get(0).getAsJsonObject();
    assertEquals(List.of("role_bits", "uuid", "tgt_ids", "rank", "total_bytes", "avail_bytes", "usable_bytes",
        "cluster_size", "meta_size", "meta_wal_size", "rdb_size", "rdb_wal_size", "roles", "has_sys_xs", "ctrlr",
        "ctrlr_namespace_id"), List.copyOf(d.keySet()));
    assertEquals("data,meta", d.get("roles").getAsString());
    assertEquals("EVICTED", d.getAsJsonObject("ctrlr").get("dev_state").getAsString());
    assertEquals("ON", d.getAsJsonObject("ctrlr").get("led_state").getAsString());
    assertEquals(0, smd.getAsJsonObject("pools").size());
  }

  @Test
  void ledResultsPrintAddressUuidAndState() {
    SmdResp r = new SmdResp();
    r.addManage("host1", SmdManageResp.newBuilder().addRanks(SmdManageResp.RankResp.newBuilder().setRank(0)
        .addResults(SmdManageResp.Result.newBuilder().setDevice(dev(U0, List.of(0), 0, "/tmp/bdev0.img",
            NvmeDevState.NORMAL, LedState.QUICK_BLINK, 0)))).build());
    StringBuilder out = new StringBuilder();
    SmdPrinter.printSmdInfo(out, r.hsm, new SmdPrinter.Options(false, true, true, false));
    assertEquals("-----\nhost1\n-----\n  Devices\n    TrAddr:/tmp/bdev0.img [UUID:" + U0 + "] LED:QUICK_BLINK\n",
        out.toString());
  }

  @Test
  void failedManageResultIsAHostError() {
    SmdResp r = new SmdResp();
    r.addManage("host1:10001", SmdManageResp.newBuilder().addRanks(SmdManageResp.RankResp.newBuilder().setRank(2)
        .addResults(SmdManageResp.Result.newBuilder().setStatus(-1005))).build());
    assertEquals("{\"rank 2: DER_NONEXIST(-1005): The specified entity does not exist\":\"host1:10001\"}",
        r.toJson().getAsJsonObject("host_errors").toString());
    assertEquals("1 host had errors", r.error().getMessage());
  }
}
