package io.daos.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.cart.Opcode;
import org.junit.jupiter.api.Test;

/** Errors name object RPCs as DAOS's obj_rpc.h does. */
class ObjRpcNameTest {
  @Test
  void objectOpcodesHaveDaosNames() {
    assertEquals("DAOS_OBJ_RPC_UPDATE", ObjRpc.name(ObjRpc.UPDATE));
    assertEquals("DAOS_OBJ_DKEY_RPC_ENUMERATE", ObjRpc.name(ObjRpc.DKEY_ENUMERATE));
    assertEquals("DAOS_OBJ_RPC_TGT_PUNCH_AKEYS", ObjRpc.name(ObjRpc.TGT_PUNCH_AKEYS));
    Opcode other = Opcode.of(2, 1, 0);
    assertEquals(other.toString(), ObjRpc.name(other));
  }
}
