package io.daos.server.system;

import io.daos.server.events.RasEvent;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Member state changes driven by fan-out results and events, run under the membership lock. */
final class StateUpdater {
  private static final Logger LOG = LoggerFactory.getLogger(StateUpdater.class);
  private final MemberStore db;

  StateUpdater(MemberStore db) {
    this.db = db;
  }

  static String badTransition(Member m, MemberState to) {
    return String.format("illegal member state update for rank %d: %s->%s", m.rank(), m.state(), to);
  }

  List<MemberResult> update(List<MemberResult> results, boolean updateOnFail) {
    List<MemberResult> out = new ArrayList<>(results);
    for (int i = 0; i < out.size(); i++) {
      MemberResult r = out.get(i);
      Member m = db.findMemberByRank(r.rank()).orElseThrow(() -> SystemException.rankNotFound(r.rank()));
      if (r.addr().isEmpty()) {
        out.set(i, r.withAddr(m.addr()));
      }
      if (r.errored()) {
        if (r.state() != MemberState.ERRORED && r.state() != MemberState.UNRESPONSIVE) {
          throw SystemException.invalid(String.format("errored result for rank %d has conflicting state '%s'",
              r.rank(), r.state()));
        }
        if (!updateOnFail) {
          continue;
        }
      }
      if (m.state().isTransitionIllegal(r.state())) {
        LOG.debug("skipping {}", badTransition(m, r.state()));
        continue;
      }
      db.updateMember(m.toBuilder().state(r.state()).info(r.msg()).build());
    }
    return out;
  }

  List<Integer> startedWhileErrored(List<MemberResult> results) {
    List<Integer> changed = new ArrayList<>();
    for (MemberResult r : results) {
      if (r.errored() || r.state() != MemberState.READY) {
        continue;
      }
      Member m = db.findMemberByRank(r.rank()).orElse(null);
      if (m != null && m.state() == MemberState.ERRORED) {
        LOG.info("rank {}: {}->{} (its engine runs and is set up: the event that errored it was spurious)",
            m.rank(), m.state(), MemberState.JOINED);
        db.updateMember(m.toBuilder().state(MemberState.JOINED).info("").build());
        changed.add(m.rank());
      }
    }
    return changed;
  }

  List<Integer> hostUnresponsive(String addr, String info) {
    List<Integer> changed = new ArrayList<>();
    for (Member m : db.findMembersByAddr(addr)) {
      if (m.state() == MemberState.JOINED || m.state() == MemberState.READY) {
        db.updateMember(m.toBuilder().state(MemberState.UNRESPONSIVE).info(info).build());
        changed.add(m.rank());
      }
    }
    return changed;
  }

  List<Integer> hostResponsive(String addr, String infoPrefix) {
    List<Integer> changed = new ArrayList<>();
    for (Member m : db.findMembersByAddr(addr)) {
      if (m.state() == MemberState.UNRESPONSIVE && m.info().startsWith(infoPrefix)) {
        db.updateMember(m.toBuilder().state(MemberState.JOINED).info("").build());
        changed.add(m.rank());
      }
    }
    return changed;
  }

  boolean markDead(int rank, long incarnation) {
    Member m = db.findMemberByRank(rank).orElseThrow(() -> SystemException.rankNotFound(rank));
    MemberState ns = MemberState.EXCLUDED;
    if (m.state() == ns || m.state().isTransitionIllegal(ns)) {
      LOG.debug("{}", badTransition(m, ns));
      return false;
    }
    if (m.state() == MemberState.JOINED && incarnation > 0 && Long.compareUnsigned(m.incarnation(), incarnation) > 0) {
      LOG.debug("ignoring rank dead event for previous incarnation of {} ({} < {})", rank, incarnation,
          m.incarnation());
      throw new SystemException(SystemException.Kind.STALE_INCARNATION,
          "event is for previous incarnation of " + rank);
    }
    LOG.info("marking rank {} as {} in response to rank dead event", rank, ns);
    db.updateMember(m.withState(ns));
    return true;
  }

  boolean engineDied(RasEvent evt) {
    Member m = db.findMemberByRank(evt.rank()).orElse(null);
    if (m == null) {
      LOG.error("member with rank {} not found", evt.rank());
      return false;
    }
    if (evt.incarnation() != 0 && Long.compareUnsigned(evt.incarnation(), m.incarnation()) < 0) {
      LOG.debug("ignoring engine_died for incarnation {}, current member incarnation {}", evt.incarnation(),
          m.incarnation());
      return false;
    }
    MemberState ns = MemberState.ERRORED;
    if (m.state().isTransitionIllegal(ns)) {
      LOG.debug("skipping {}", badTransition(m, ns));
      return false;
    }
    db.updateMember(m.toBuilder().state(ns).info(evt.msg()).build());
    LOG.error("rank {}: {}->{}{}", m.rank(), m.state(), ns, evt.msg().isEmpty() ? "" : " (" + evt.msg() + ")");
    return true;
  }
}
