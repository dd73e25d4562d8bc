package io.daos.dmg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.daos.proto.mgmt.GetAttachInfoResp;
import io.daos.proto.mgmt.BuildInfo;
import io.daos.proto.mgmt.LeaderQueryResp;
import io.daos.proto.mgmt.SystemMember;
import io.daos.proto.mgmt.SystemQueryResp;
import io.daos.proto.mgmt.SystemStartResp;
import io.daos.proto.mgmt.SystemStopReq;
import io.daos.proto.mgmt.SystemStopResp;
import io.daos.proto.shared.RankResult;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.junit.jupiter.api.Test;

/** dmg system commands end to end: DmgMain's runner → gRPC over localhost TCP → fake MgmtSvc. */
class DmgSystemEndToEndTest extends FakeServerFixture {

  static SystemMember member(int rank, String state) {
    return SystemMember.newBuilder().setAddr("127.0.0.1:10001").setUuid("00000000-0000-0000-0000-00000000000" + rank)
        .setRank(rank).setIncarnation(7).setState(state).setFabricUri("ofi+tcp://127.0.0.1:31416")
        .setFabricContexts(17).setFaultDomain("/host").setLastUpdate("2026-01-01T00:00:00Z").build();
  }

  /** Insecure mode is said on stderr by the text form of system query (the JSON form stays clean). */
  @Test
  void systemQueryWarnsInsecureMode() {
    server.mgmt.systemQuery = SystemQueryResp.newBuilder().addMembers(member(0, "joined")).build();
    DmgRun r = DmgRun.run("-o", cfg, "system", "query");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains(Dmg.INSECURE_WARNING), r.err());
    assertTrue(!r.out().contains("insecure"), r.out());
    DmgRun j = DmgRun.run("-o", cfg, "-j", "system", "query");
    assertTrue(!j.err().contains("insecure"), j.err());
  }

  @Test
  void systemQueryJson() {
    server.mgmt.systemQuery = SystemQueryResp.newBuilder().addMembers(member(0, "joined"))
        .addMembers(member(1, "Stopped")).addProviders("ofi+tcp").setSysSelfHealPolicy("exclude").build();
    DmgRun r = DmgRun.run("-o", cfg, "-j", "system", "query");
    assertEquals(0, r.exit(), r.err());
    JsonObject env = r.json();
    assertEquals(0, env.get("status").getAsInt());
    assertTrue(env.get("error").isJsonNull());
    JsonObject m0 = env.getAsJsonObject("response").getAsJsonArray("members").get(0).getAsJsonObject();
    assertEquals(List.of("addr", "state", "fault_domain", "rank", "incarnation", "uuid", "fabric_uri",
        "secondary_fabric_uris", "fabric_contexts", "secondary_fabric_contexts", "info", "last_update"),
        List.copyOf(m0.keySet()));
    assertEquals("joined", m0.get("state").getAsString());
    assertEquals("stopped", env.getAsJsonObject("response").getAsJsonArray("members").get(1).getAsJsonObject()
        .get("state").getAsString());
    assertEquals("ofi+tcp", env.getAsJsonObject("response").getAsJsonArray("providers").get(0).getAsString());
    assertEquals("exclude", env.getAsJsonObject("response").get("sys_self_heal_policy").getAsString());
  }

  @Test
  void systemQueryText() {
    server.mgmt.systemQuery = SystemQueryResp.newBuilder().addMembers(member(0, "joined"))
        .addMembers(member(1, "joined")).setSysSelfHealPolicy("exclude;pool_exclude;pool_rebuild").build();
    DmgRun r = DmgRun.run("-o", cfg, "sys", "query");
    assertEquals(0, r.exit(), r.err());
    assertEquals("Rank  State  \n----  -----  \n[0-1] Joined \n\n", r.out());
  }

  @Test
  void systemQueryAbsentRanksIsErrorWithResponse() {
    server.mgmt.systemQuery = SystemQueryResp.newBuilder().addMembers(member(0, "joined")).setAbsentranks("7-9")
        .build();
    DmgRun r = DmgRun.run("-o", cfg, "-j", "system", "query", "--ranks", "0,7-9");
    assertEquals(1, r.exit());
    JsonObject env = r.json();
    assertEquals("system query failed: non-existent ranks 7-9", env.get("error").getAsString());
    assertEquals(-1025, env.get("status").getAsInt());
    assertEquals(1, env.getAsJsonObject("response").getAsJsonArray("members").size());
    assertEquals("0,7-9", ((io.daos.proto.mgmt.SystemQueryReq) server.mgmt.requests.get(0)).getRanks());
  }

  @Test
  void systemQueryDaosStatusFromServer() {
    com.google.rpc.Status st = com.google.rpc.Status.newBuilder().setCode(Code.INTERNAL_VALUE).setMessage("nope")
        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("proto.daos.DaosStatus").putMetadata("Status", "-2008")
            .build())).build();
    server.mgmt.systemQuery = StatusProto.toStatusRuntimeException(st);
    DmgRun r = DmgRun.run("-o", cfg, "-j", "system", "query");
    assertEquals(1, r.exit());
    assertEquals(-2008, r.json().get("status").getAsInt());
    assertTrue(r.json().get("response").isJsonNull());
    assertTrue(r.err().contains("system query failed"), r.err());
  }

  @Test
  void systemStopJsonAndForcedRequest() {
    server.mgmt.systemStop = SystemStopResp.newBuilder().addResults(RankResult.newBuilder().setRank(0)
        .setAction("stop").setState("stopped").setAddr("127.0.0.1:10001")).build();
    DmgRun r = DmgRun.run("-o", cfg, "-j", "system", "stop", "--ranks", "0");
    assertEquals(0, r.exit(), r.err());
    JsonObject res = r.json().getAsJsonObject("response").getAsJsonArray("Results").get(0).getAsJsonObject();
    assertEquals(List.of("state", "Addr", "Rank", "Action", "Errored", "Msg"), List.copyOf(res.keySet()));
    assertEquals("stopped", res.get("state").getAsString());
    SystemStopReq req = (SystemStopReq) server.mgmt.requests.get(0);
    assertTrue(req.getForce());
    assertEquals("0", req.getRanks());
  }

  @Test
  void systemStartFailureTable() {
    server.mgmt.systemStart = SystemStartResp.newBuilder()
        .addResults(RankResult.newBuilder().setRank(0).setAction("start").setState("ready"))
        .addResults(RankResult.newBuilder().setRank(1).setAction("start").setErrored(true).setMsg("fail")
            .setState("errored")).build();
    DmgRun r = DmgRun.run("-o", cfg, "system", "start");
    assertEquals(1, r.exit());
    assertEquals("Rank Operation Result \n---- --------- ------ \n0    start     OK     \n1    start     fail   \n\n",
        r.out());
    assertTrue(r.err().contains("ERROR: dmg: system start failed: check results for failed rank 1"), r.err());
  }

  @Test
  void leaderQueryJson() {
    server.mgmt.leaderQuery = LeaderQueryResp.newBuilder().setCurrentLeader(server.addr())
        .addReplicas(server.addr()).build();
    DmgRun r = DmgRun.run("-o", cfg, "-j", "system", "leader-query");
    assertEquals(0, r.exit(), r.err());
    JsonObject resp = r.json().getAsJsonObject("response");
    assertEquals(server.addr(), resp.get("current_leader").getAsString());
    assertEquals(server.addr(), resp.getAsJsonArray("replicas").get(0).getAsString());
    assertTrue(resp.get("down_replicas").isJsonNull());
  }

  @Test
  void leaderQueryReportsAHungReplicaDownWithoutWaitingOutTheDeadline() throws Exception {
    // A "replica" whose socket accepts connections but never speaks: a SIGSTOPped daos_server looks like this.
    try (java.net.ServerSocket hung = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      String hungAddr = "127.0.0.1:" + hung.getLocalPort();
      server.mgmt.leaderQuery = LeaderQueryResp.newBuilder().setCurrentLeader(server.addr())
          .addReplicas(server.addr()).addReplicas(hungAddr).build();
      long t0 = System.nanoTime();
      DmgRun r = DmgRun.run("-o", cfg, "-j", "system", "leader-query");
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(0, r.exit(), r.err());
      JsonObject resp = r.json().getAsJsonObject("response");
      assertEquals(hungAddr, resp.getAsJsonArray("down_replicas").get(0).getAsString());
      assertTrue(ms < 30_000, "leader-query took " + ms + " ms");
    }
  }

  @Test
  void serverVersionFromAttachInfo() {
    server.mgmt.attachInfo = GetAttachInfoResp.newBuilder().setBuildInfo(BuildInfo.newBuilder().setMajor(2)
        .setMinor(9).setPatch(100)).build();
    DmgRun r = DmgRun.run("-o", cfg, "server-version");
    assertEquals(0, r.exit(), r.err());
    assertEquals("DAOS Control Server version 2.9.100\n", r.out());
  }
}
