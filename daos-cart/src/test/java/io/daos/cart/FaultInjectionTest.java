package io.daos.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.rpc.ObjRpc;
import io.daos.rpc.RebuildRpc;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arming fault points: always (until disarmed) and once (DAOS_FAIL_ONCE). */
class FaultInjectionTest {
  @Test
  void armedPointMatchesUntilDisarmed() {
    FaultInjection f = new FaultInjection();
    f.arm(FaultInjection.Point.DAOS_DTX_LOST_RPC_REQUEST, List.of(ObjRpc.TGT_UPDATE));
    assertEquals(FaultInjection.Point.DAOS_DTX_LOST_RPC_REQUEST, f.match(ObjRpc.TGT_UPDATE.code()).point());
    assertEquals(FaultInjection.Point.DAOS_DTX_LOST_RPC_REQUEST, f.match(ObjRpc.TGT_UPDATE.code()).point());
    assertNull(f.match(ObjRpc.UPDATE.code()));
    f.disarm(List.of(ObjRpc.TGT_UPDATE));
    assertNull(f.match(ObjRpc.TGT_UPDATE.code()));
  }

  @Test
  void armedOnceMatchesTheFirstRequestOfAnyOfItsOpcodes() {
    FaultInjection f = new FaultInjection();
    f.armOnce(FaultInjection.Point.DAOS_DTX_LOST_RPC_REPLY, List.of(ObjRpc.UPDATE, ObjRpc.PUNCH));
    assertEquals(FaultInjection.Point.DAOS_DTX_LOST_RPC_REPLY, f.match(ObjRpc.PUNCH.code()).point());
    assertNull(f.match(ObjRpc.PUNCH.code()));
    assertNull(f.match(ObjRpc.UPDATE.code()), "spent for every opcode it was armed for");
  }

  @Test
  void checkPointsAreLeftToTheEngineCode() {
    FaultInjection f = new FaultInjection();
    f.arm(FaultInjection.Point.DAOS_REBUILD_TGT_SCAN_HANG, List.of(RebuildRpc.OBJECTS_SCAN));
    assertNull(f.match(RebuildRpc.OBJECTS_SCAN.code()), "dispatch does not act on a CHECK point");
    assertTrue(f.check(FaultInjection.Point.DAOS_REBUILD_TGT_SCAN_HANG, RebuildRpc.OBJECTS_SCAN));
    assertTrue(f.check(FaultInjection.Point.DAOS_REBUILD_TGT_SCAN_HANG, RebuildRpc.OBJECTS_SCAN), "still armed");
    assertFalse(f.check(FaultInjection.Point.DAOS_REBUILD_TGT_START_FAIL, RebuildRpc.OBJECTS_SCAN), "another point");
    assertFalse(f.check(FaultInjection.Point.DAOS_REBUILD_TGT_SCAN_HANG, RebuildRpc.REPORT), "another opcode");
    f.clear();
    assertFalse(f.check(FaultInjection.Point.DAOS_REBUILD_TGT_SCAN_HANG, RebuildRpc.OBJECTS_SCAN));
    f.armOnce(FaultInjection.Point.DAOS_REBUILD_TGT_SCAN_HANG, List.of(RebuildRpc.OBJECTS_SCAN));
    assertTrue(f.check(FaultInjection.Point.DAOS_REBUILD_TGT_SCAN_HANG, RebuildRpc.OBJECTS_SCAN));
    assertFalse(f.check(FaultInjection.Point.DAOS_REBUILD_TGT_SCAN_HANG, RebuildRpc.OBJECTS_SCAN), "spent");
  }
}
