package io.daos.server.mgmt.check;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.chk.CheckInconsistAction;
import io.daos.proto.chk.CheckReport;
import io.daos.proto.mgmt.CheckQueryResp;
import io.daos.server.sysdb.SystemDb;
import io.daos.server.system.SystemException;
import io.daos.server.system.SystemProperties;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checker's state in the MS database (Raft-replicated), as DAOS keeps it: the enabled flag, the policy map and
 * the last policies used as MS-internal properties ({@code mgmt.checker_enabled}, {@code mgmt.checker_policies},
 * {@code mgmt.checker_latest_policy}), and the findings, stored here as one more property
 * ({@code mgmt.checker_findings}: base64 protobuf) where DAOS has a findings table.
 */
final class CheckerStore {
  static final String ENABLED = SystemProperties.MGMT_PREFIX + "checker_enabled";
  static final String POLICIES = SystemProperties.MGMT_PREFIX + "checker_policies";
  static final String LATEST_POLICY = SystemProperties.MGMT_PREFIX + "checker_latest_policy";
  static final String FINDINGS = SystemProperties.MGMT_PREFIX + "checker_findings";

  private final SystemDb db;

  CheckerStore(SystemDb db) {
    this.db = db;
  }

  boolean enabled() {
    return "true".equals(get(ENABLED).orElse(""));
  }

  void setEnabled(boolean on) {
    db.setSystemAttrs(Map.of(ENABLED, Boolean.toString(on)));
  }

  /** The stored policy map; the defaults (stored now) when none was ever set. */
  CheckPolicies policies() {
    Optional<String> s = get(POLICIES);
    if (s.isPresent()) {
      return CheckPolicies.decode(s.get());
    }
    CheckPolicies d = CheckPolicies.defaults();
    setPolicies(d);
    return d;
  }

  void setPolicies(CheckPolicies p) {
    db.setSystemAttrs(Map.of(POLICIES, p.encode()));
  }

  Optional<CheckPolicies> lastUsed() {
    return get(LATEST_POLICY).map(CheckPolicies::decode);
  }

  void setLastUsed(CheckPolicies p) {
    db.setSystemAttrs(Map.of(LATEST_POLICY, p.encode()));
  }

  /** Every stored finding, in seq order. */
  List<CheckReport> findings() {
    Optional<String> s = get(FINDINGS);
    if (s.isEmpty() || s.get().isEmpty()) {
      return List.of();
    }
    try {
      List<CheckReport> out = new ArrayList<>(CheckQueryResp.parseFrom(Base64.getDecoder().decode(s.get()))
          .getReportsList());
      out.sort((a, b) -> Long.compareUnsigned(a.getSeq(), b.getSeq()));
      return out;
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new DaosException(DaosStatus.IO, "stored checker findings are corrupt", e);
    }
  }

  Optional<CheckReport> finding(long seq) {
    return findings().stream().filter(f -> f.getSeq() == seq).findFirst();
  }

  /** Adds {@code f}, replacing a stored finding with the same seq (DAOS AddOrUpdateCheckerFinding). */
  void addOrUpdate(CheckReport f) {
    List<CheckReport> all = new ArrayList<>(findings());
    all.removeIf(o -> o.getSeq() == f.getSeq());
    all.add(f);
    save(all);
  }

  /** Sets a finding's action (DAOS SetCheckerFindingAction). */
  void setAction(long seq, CheckInconsistAction act) {
    CheckReport f = finding(seq).orElseThrow(() -> notFound(seq));
    addOrUpdate(f.toBuilder().setAction(act).build());
  }

  /** Removes the findings of {@code pools} (all findings when empty). */
  void removeForPools(Collection<String> pools) {
    List<CheckReport> all = new ArrayList<>(findings());
    all.removeIf(f -> pools.isEmpty() || pools.contains(f.getPoolUuid()));
    save(all);
  }

  void save(List<CheckReport> all) {
    byte[] b = CheckQueryResp.newBuilder().addAllReports(all).build().toByteArray();
    db.setSystemAttrs(Map.of(FINDINGS, all.isEmpty() ? "" : Base64.getEncoder().encodeToString(b)));
  }

  static DaosException notFound(long seq) {
    return new DaosException(DaosStatus.NONEXIST, String.format("checker finding 0x%x not found", seq));
  }

  private Optional<String> get(String key) {
    try {
      return Optional.ofNullable(db.getSystemAttrs(List.of(key)).get(key));
    } catch (SystemException e) {
      if (SystemException.is(e, SystemException.Kind.ATTR_NOT_FOUND)) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
