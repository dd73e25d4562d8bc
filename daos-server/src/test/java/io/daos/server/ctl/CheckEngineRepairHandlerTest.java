package io.daos.server.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.proto.chk.CheckInconsistAction;
import io.daos.proto.ctl.CheckEngineActReq;
import io.daos.proto.ctl.CheckEngineActResp;
import io.daos.proto.mgmt.CheckActReq;
import io.daos.proto.mgmt.CheckActResp;
import io.daos.server.engine.EngineHarness;
import io.daos.server.engine.FakeEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DAOS's TestServer_ControlService_CheckEngineRepair cases, with the decision handed to the MS. */
class CheckEngineRepairHandlerTest {
  private final List<CheckActReq> sent = new ArrayList<>();
  private final CheckEngineRepairHandler handler = new CheckEngineRepairHandler(
      new EngineHarness().add(new FakeEngine(0, 3L).running()), r -> {
        sent.add(r);
        return CheckActResp.newBuilder().setStatus(0).build();
      });

  private static CheckActReq act() {
    return CheckActReq.newBuilder().setSys("daos_server").setSeq(0x42)
        .setAct(CheckInconsistAction.CIA_TRUST_PS).build();
  }

  @Test
  void TestServer_ControlService_CheckEngineRepair() {
    IllegalArgumentException noReq = assertThrows(IllegalArgumentException.class,
        () -> handler.repair(CheckEngineActReq.newBuilder().setRank(3).build()));
    assertEquals("no CheckActReq in request", noReq.getMessage());
    IllegalArgumentException nil = assertThrows(IllegalArgumentException.class,
        () -> handler.repair(CheckEngineActReq.newBuilder().setRank(-1).setReq(act()).build()));
    assertEquals("nil rank in request", nil.getMessage());
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
        () -> handler.repair(CheckEngineActReq.newBuilder().setRank(5).setReq(act()).build()));
    assertEquals("rank 5 is not managed by this DAOS server", other.getMessage());
    assertEquals(List.of(), sent, "nothing reaches the MS for a bad request");

    CheckEngineActResp ok = handler.repair(CheckEngineActReq.newBuilder().setRank(3).setReq(act()).build());
    assertEquals(3, ok.getRank());
    assertEquals(0, ok.getResp().getStatus());
    assertEquals(List.of(act()), sent);
  }
}
