package io.daos.server.system;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import java.util.UUID;

/** Faults of the "system" domain raised by membership (DAOS system/faults.go). */
public final class SystemFaults {
  public static final String DOMAIN = "system";

  private SystemFaults() {
  }

  /** A joining server's fault-domain depth differs from the other members'. */
  public static Fault badFaultDomainDepth(FaultDomain domain, int expDepth) {
    return new Fault(DOMAIN, FaultCode.SYSTEM_BAD_FAULT_DOMAIN_DEPTH,
        String.format("cannot join system with fault domain \"%s\", need layers = %d", domain, expDepth),
        "reconfigure the fault domain with a depth consistent with other system members, and restart the server");
  }

  /** A replace-rank join matched no existing member; the resolution depends on how close the best match was. */
  public static Fault joinReplaceRankNotFound(int nrFieldsNotMatching) {
    String res = nrFieldsNotMatching > 1
        ? "engines on selected storage server don't seem to match any existing records in the management "
            + "service, run dmg storage format without the --replace option"
        : "check that dmg format --replace is being run on a host with an engine that has previously had a "
            + "rank excluded from the system";
    return new Fault(DOMAIN, FaultCode.SYSTEM_JOIN_REPLACE_RANK_NOT_FOUND,
        "system member could not be found from join request fields", res);
  }

  /** A new engine looks identical to an existing member except for its UUID: it must use --replace. */
  public static Fault joinMemberExists(UUID newUuid, UUID dbUuid) {
    return new Fault(DOMAIN, FaultCode.SYSTEM_JOIN_MEMBER_EXISTS,
        String.format("system member with matching control address, fabric URIs, and fault domain already "
            + "exists with UUID %s (join request UUID: %s)", dbUuid, newUuid),
        "format the rank with 'dmg storage format --replace' to update the UUID and rejoin the system");
  }
}
