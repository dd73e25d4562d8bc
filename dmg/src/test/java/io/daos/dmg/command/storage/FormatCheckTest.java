package io.daos.dmg.command.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.control.errors.MsErrors;
import org.junit.jupiter.api.Test;

/** DAOS checkFormatSystem: an MS that is unavailable or uninitialized lets the format go on. */
class FormatCheckTest {
  @Test
  void uninitializedReplicaLetsTheFormatGoOn() {
    assertTrue(FormatCheck.msUnavailable(new Fault("system", FaultCode.SYSTEM_UNKNOWN, MsErrors.UNINITIALIZED,
        "run dmg storage format")));
    assertTrue(FormatCheck.msUnavailable(new Fault("system", FaultCode.SYSTEM_UNKNOWN, MsErrors.RAFT_UNAVAILABLE,
        "")));
    assertFalse(FormatCheck.msUnavailable(new Fault("system", FaultCode.SYSTEM_UNKNOWN, "member not found", "")));
  }
}
