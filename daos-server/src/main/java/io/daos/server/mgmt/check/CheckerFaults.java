package io.daos.server.mgmt.check;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;

/** Faults of the "checker" domain (DAOS {@code system/checker/faults.go}). */
final class CheckerFaults {
  static final String DOMAIN = "checker";

  private CheckerFaults() {
  }

  static Fault notEnabled() {
    return new Fault(DOMAIN, FaultCode.SYSTEM_CHECKER_NOT_ENABLED, "system checker is not enabled",
        "enable the system checker and try again");
  }

  static Fault enabled() {
    return new Fault(DOMAIN, FaultCode.SYSTEM_CHECKER_ENABLED,
        "system checker is enabled; normal operations are disabled",
        "disable the system checker to enable normal operations");
  }

  static Fault incorrectMemberStates(boolean stopRequired, String members, String expectedStates) {
    String remedy = stopRequired ? "stop system before enabling checker mode" : "enable checker mode";
    return new Fault(DOMAIN, FaultCode.SYSTEM_CHECKER_INVALID_MEMBER_STATES,
        "members not in expected states (" + expectedStates + "): " + members,
        remedy + " and/or administratively exclude members as appropriate");
  }
}
