package io.daos.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.cart.Opcode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RpcAccessTest {
  record Case(String name, Opcode opcode, RpcAccess.Access access) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("MGMT_TGT_DESTROY", MgmtRpc.TGT_DESTROY, RpcAccess.Access.SERVER),
        new Case("MGMT_TGT_CREATE", MgmtRpc.TGT_CREATE, RpcAccess.Access.SERVER),
        new Case("DTX_COMMIT", DtxRpc.COMMIT, RpcAccess.Access.SERVER),
        new Case("REBUILD_OBJECTS_SCAN", RebuildRpc.OBJECTS_SCAN, RpcAccess.Access.SERVER),
        new Case("POOL_EXCLUDE (sent by engines for dmg, never by libdaos)", PoolRpc.EXCLUDE, RpcAccess.Access.SERVER),
        new Case("OBJ_TGT_UPDATE (leader to replica)", ObjRpc.TGT_UPDATE, RpcAccess.Access.SERVER),
        new Case("an opcode nobody listed", Opcode.of(0x42, 1, 7), RpcAccess.Access.SERVER),
        new Case("OBJ_UPDATE", ObjRpc.UPDATE, RpcAccess.Access.CLIENT),
        new Case("POOL_CONNECT", PoolRpc.CONNECT, RpcAccess.Access.CLIENT),
        new Case("CONT_OPEN", ContRpc.OPEN, RpcAccess.Access.CLIENT),
        new Case("MGMT_POOL_FIND", MgmtRpc.POOL_FIND, RpcAccess.Access.CLIENT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void classifies(Case c) {
    assertEquals(c.access(), RpcAccess.of(c.opcode().code()));
  }
}
