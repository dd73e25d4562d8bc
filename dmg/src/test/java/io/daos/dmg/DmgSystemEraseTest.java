package io.daos.dmg;

import static io.daos.dmg.DmgSystemEndToEndTest.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.daos.proto.mgmt.SystemEraseReq;
import io.daos.proto.mgmt.SystemEraseResp;
import io.daos.proto.mgmt.SystemQueryResp;
import io.daos.proto.shared.RankResult;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

/** {@code dmg system erase} end to end against a fake MgmtSvc (DAOS TestControl_SystemErase behaviour). */
class DmgSystemEraseTest extends FakeServerFixture {

  static RankResult reset(int rank, String msg) {
    RankResult.Builder b = RankResult.newBuilder().setRank(rank).setAction("reset format").setAddr("127.0.0.1:10001");
    return (msg == null ? b.setState("awaitformat") : b.setErrored(true).setMsg(msg).setState("errored")).build();
  }

  @Test
  void successPrintsNothing() {
    server.mgmt.systemQuery = SystemQueryResp.newBuilder().addMembers(member(0, "stopped"))
        .addMembers(member(1, "errored")).build();
    server.mgmt.systemErase = SystemEraseResp.newBuilder().addResults(reset(0, null)).addResults(reset(1, null))
        .build();
    DmgRun r = DmgRun.run("-o", cfg, "system", "erase");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertTrue(server.mgmt.requests.stream().anyMatch(q -> q instanceof SystemEraseReq e && !e.getSys().isEmpty()));
  }

  @Test
  void successJsonHasNullResponse() {
    DmgRun r = DmgRun.run("-o", cfg, "-j", "system", "erase");
    assertEquals(0, r.exit(), r.err());
    JsonObject env = r.json();
    assertTrue(env.get("response").isJsonNull());
    assertTrue(env.get("error").isJsonNull());
    assertEquals(0, env.get("status").getAsInt());
  }

  @Test
  void runningRanksRefused() {
    server.mgmt.systemQuery = SystemQueryResp.newBuilder().addMembers(member(0, "joined"))
        .addMembers(member(1, "stopped")).addMembers(member(2, "Ready")).addMembers(member(3, "joined")).build();
    DmgRun r = DmgRun.run("-o", cfg, "system", "erase");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("ERROR: dmg: system erase requires the following 3 ranks to be stopped: 0,2-3"),
        r.err());
    assertTrue(r.err().contains("'dmg system stop'"), r.err());
    assertTrue(server.mgmt.requests.stream().noneMatch(q -> q instanceof SystemEraseReq), "erase not sent");
    DmgRun j = DmgRun.run("-o", cfg, "-j", "system", "erase");
    assertEquals("system erase requires the following 3 ranks to be stopped: 0,2-3",
        j.json().get("error").getAsString());
  }

  @Test
  void oneRunningRankSingular() {
    server.mgmt.systemQuery = SystemQueryResp.newBuilder().addMembers(member(4, "joined")).build();
    DmgRun r = DmgRun.run("-o", cfg, "-j", "system", "erase");
    assertEquals("system erase requires the following 1 rank to be stopped: 4", r.json().get("error").getAsString());
  }

  @Test
  void failedResetsAreAnError() {
    server.mgmt.systemErase = SystemEraseResp.newBuilder().addResults(reset(1, "erase failed"))
        .addResults(reset(2, null)).addResults(reset(5, "something bad")).addResults(reset(6, "erase failed"))
        .build();
    DmgRun r = DmgRun.run("-o", cfg, "-j", "system", "erase");
    assertEquals(1, r.exit());
    assertEquals("failed ranks 1,5-6", r.json().get("error").getAsString());
  }

  @Test
  void queryFailureIsReported() {
    server.mgmt.systemQuery = Status.PERMISSION_DENIED.withDescription("admin only").asRuntimeException();
    DmgRun r = DmgRun.run("-o", cfg, "system", "erase");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("System-Query command failed"), r.err());
  }
}
