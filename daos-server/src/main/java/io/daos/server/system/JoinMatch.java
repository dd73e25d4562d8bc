package io.daos.server.system;

import java.util.ArrayList;
import java.util.List;

/** Compares a join request with a stored member on every identifying field except the UUID. */
final class JoinMatch {
  private JoinMatch() {
  }

  /** Names of the fields that differ; empty if the member matches the request. */
  static List<String> mismatches(Member m, JoinRequest req) {
    List<String> missing = new ArrayList<>();
    if (!m.addr().equals(req.controlAddr())) {
      missing.add("control address");
    }
    if (!m.primaryFabricUri().equals(req.primaryFabricUri())) {
      missing.add("primary fabric address");
    }
    if (!m.secondaryFabricUris().equals(req.secondaryFabricUris())) {
      missing.add("secondary fabric addresses");
    }
    if (m.primaryFabricContexts() != req.fabricContexts()) {
      missing.add("primary fabric contexts");
    }
    if (!m.secondaryFabricContexts().equals(req.secondaryFabricContexts())) {
      missing.add("secondary fabric contexts");
    }
    if (!m.faultDomain().equals(req.faultDomain())) {
      missing.add("Fault domain");
    }
    return missing;
  }
}
