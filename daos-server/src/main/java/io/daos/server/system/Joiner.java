package io.daos.server.system;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The join rules of DAOS Membership.Join, run under the membership lock. */
final class Joiner {
  private static final Logger LOG = LoggerFactory.getLogger(Joiner.class);
  private final MemberStore db;

  Joiner(MemberStore db) {
    this.db = db;
  }

  JoinResponse join(JoinRequest req) {
    if (req.primaryFabricUri().isEmpty()) {
      throw SystemException.invalid("no primary fabric URI in JoinRequest");
    }
    if (req.replace()) {
      return joinReplace(req);
    }
    Optional<Member> cur = req.rank() != Member.NIL_RANK
        ? db.findMemberByRank(req.rank()) : db.findMemberByUuid(req.uuid());
    return cur.isPresent() ? rejoin(cur.get(), req) : joinNew(req);
  }

  private JoinResponse rejoin(Member cur, JoinRequest req) {
    if (db.memberCount(MemberState.ALL_FILTER) != 1) {
      checkFaultDomainDepth(req);
    }
    if (cur.state() == MemberState.ADMIN_EXCLUDED) {
      throw SystemException.joinAdminExcluded(cur.uuid(), cur.rank());
    }
    if (cur.rank() != req.rank() && req.rank() != Member.NIL_RANK) {
      throw SystemException.joinRankChanged(req.rank(), cur.rank(), cur.uuid());
    }
    if (!cur.uuid().equals(req.uuid())) {
      throw SystemException.joinUuidChanged(req.uuid(), cur.uuid(), cur.rank());
    }
    if (!cur.addr().equals(req.controlAddr())) {
      throw SystemException.joinControlAddrChanged(req.controlAddr(), cur.addr(), cur.uuid(), cur.rank());
    }
    if (!cur.faultDomain().equals(req.faultDomain())) {
      LOG.info("fault domain for rank {} changed from \"{}\" to \"{}\"", cur.rank(), cur.faultDomain(),
          req.faultDomain());
    }
    Member updated = fromRequest(cur.toBuilder(), req).rank(cur.rank()).uuid(cur.uuid()).build();
    db.updateMember(updated);
    return new JoinResponse(updated, false, cur.state(), db.mapVersion());
  }

  private JoinResponse joinNew(JoinRequest req) {
    checkFaultDomainDepth(req);
    checkForMatchingMember(req);
    Member added = db.addMember(fromRequest(Member.builder(), req).rank(req.rank()).uuid(req.uuid()).build());
    return new JoinResponse(added, true, MemberState.UNKNOWN, db.mapVersion());
  }

  private static Member.Builder fromRequest(Member.Builder b, JoinRequest req) {
    return b.state(req.checkMode() ? MemberState.CHECKER_STARTED : MemberState.JOINED).info("")
        .addr(req.controlAddr()).primaryFabricUri(req.primaryFabricUri())
        .secondaryFabricUris(req.secondaryFabricUris()).primaryFabricContexts(req.fabricContexts())
        .secondaryFabricContexts(req.secondaryFabricContexts()).faultDomain(req.faultDomain())
        .incarnation(req.incarnation());
  }

  private JoinResponse joinReplace(JoinRequest req) {
    if (req.rank() == Member.NIL_RANK) {
      throw SystemException.invalid("unexpected nil rank in replace-rank join request");
    }
    Member cur = db.findMemberByRank(req.rank()).orElseThrow(() -> SystemException.rankNotFound(req.rank()));
    if (cur.state() == MemberState.ADMIN_EXCLUDED) {
      throw SystemException.joinAdminExcluded(cur.uuid(), cur.rank());
    }
    LOG.debug("replace-rank: updating member with UUID {}->{}, Addr {}", cur.uuid(), req.uuid(), cur.addr());
    db.removeMember(cur);
    Member replaced = cur.toBuilder().state(MemberState.JOINED).info("").uuid(req.uuid()).build();
    Member added = db.addMember(replaced);
    return new JoinResponse(added, false, cur.state(), db.mapVersion());
  }

  int findRank(JoinRequest req) {
    if (req.rank() != Member.NIL_RANK) {
      throw SystemException.invalid("unexpected rank in replace-rank request");
    }
    List<Member> members = db.allMembers();
    if (members.isEmpty()) {
      throw SystemException.invalid("empty system membership");
    }
    List<String> minMissing = null;
    for (Member m : members) {
      List<String> missing = JoinMatch.mismatches(m, req);
      if (!missing.isEmpty()) {
        minMissing = minMissing == null || missing.size() < minMissing.size() ? missing : minMissing;
        continue;
      }
      if (m.uuid().equals(req.uuid())) {
        throw SystemException.uuidExists(req.uuid());
      }
      return m.rank();
    }
    LOG.error("replace-rank join request failed because fields {} didn't match", minMissing);
    throw SystemFaults.joinReplaceRankNotFound(minMissing.size());
  }

  private void checkForMatchingMember(JoinRequest req) {
    for (Member m : db.allMembers()) {
      if (!m.uuid().equals(req.uuid()) && JoinMatch.mismatches(m, req).isEmpty()) {
        throw SystemFaults.joinMemberExists(req.uuid(), m.uuid());
      }
    }
  }

  /** Existing members fix the depth: the request's fault domain must have as many levels as theirs. */
  private void checkFaultDomainDepth(JoinRequest req) {
    int depth = -1;
    for (Member m : db.allMembers()) {
      depth = Math.max(depth, m.faultDomain().numLevels());
    }
    if (depth >= 0 && req.faultDomain().numLevels() != depth) {
      throw SystemFaults.badFaultDomainDepth(req.faultDomain(), depth);
    }
  }
}
