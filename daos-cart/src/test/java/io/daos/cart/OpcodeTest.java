package io.daos.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpcodeTest {
  record Case(String name, int module, int version, int op, int daosValue) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Values of DAOS_RPC_OPCODE(op, module, version) worked out from src/include/daos/rpc.h. */
  static Stream<Case> cases() {
    return Stream.of(
        new Case("DAOS_OBJ_RPC_UPDATE v10", 4, 10, 0, 0x040a0000),
        new Case("DAOS_OBJ_RPC_FETCH v10", 4, 10, 1, 0x040a0001),
        new Case("DAOS_OBJ_RPC_PUNCH v9", 4, 9, 6, 0x04090006),
        new Case("POOL op 0 v7", 2, 7, 0, 0x02070000),
        new Case("CONT op 3 v9", 3, 9, 3, 0x03090003),
        new Case("VOS op 0 v1", 0, 1, 0, 0x00010000),
        new Case("fields masked to their widths", 0x1ff, 0x1ab, 0x12345, 0xffab2345));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void packsAsDaosMacro(Case c) {
    Opcode o = Opcode.of(c.module, c.version, c.op);
    assertEquals(c.daosValue, o.code());
    assertEquals(c.module & 0xff, o.module());
    assertEquals(c.version & 0xff, o.version());
    assertEquals(c.op & 0xffff, o.op());
    assertEquals(o, Opcode.fromCode(c.daosValue));
  }

  @Test
  void moduleShortcutUsesCurrentVersion() {
    assertEquals(0x040a0001, DaosModule.OBJ.opcode(1).code());
    assertEquals(0x02070005, DaosModule.POOL.opcode(5).code());
  }
}
