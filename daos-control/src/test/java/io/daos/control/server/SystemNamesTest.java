package io.daos.control.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import org.junit.jupiter.api.Test;

class SystemNamesTest {
  @Test
  void stripsOnlySemverSuffix() {
    assertEquals("daos_server", SystemNames.stripVersion("daos_server-2.4.0"));
    assertEquals("my-system", SystemNames.stripVersion("my-system"));
    assertEquals("my-sys", SystemNames.stripVersion("my-sys-2.6.1"));
  }

  @Test
  void wrongSystemFault() {
    assertDoesNotThrow(() -> SystemNames.check("daos_server-2.9.100", "daos_server"));
    Fault f = assertThrows(Fault.class, () -> SystemNames.check("other-2.9.100", "daos_server"));
    assertEquals(FaultCode.SERVER_WRONG_SYSTEM, f.code());
    assertEquals("request system does not match running system (other != daos_server)", f.description());
  }
}
