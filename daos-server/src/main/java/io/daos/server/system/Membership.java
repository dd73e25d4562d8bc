package io.daos.server.system;

import io.daos.common.hostlist.HostSet;
import io.daos.common.ranklist.RankSet;
import io.daos.server.events.RasEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * System membership: the MS's domain rules (join, state updates, exclusion, queries) on top of a
 * {@link MemberStore}. Writes are serialised by one lock, as in DAOS system/membership.go.
 */
public final class Membership {
  /** DAOS's default value of the {@code self_heal} system property. */
  public static final String DEFAULT_SELF_HEAL = "exclude;pool_exclude;pool_rebuild";
  /** DAOS's batchLoopInterval: how long the MS gathers joins before handling them together. */
  public static final Duration DAOS_JOIN_BATCH_WINDOW = Duration.ofMillis(250);
  private static final Logger LOG = LoggerFactory.getLogger(Membership.class);

  private final MemberStore db;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile JoinBatcher joins = new JoinBatcher(this::joinAll, Duration.ZERO);
  private volatile Function<String, Optional<String>> resolver = HostResolver::resolve;
  private volatile Supplier<String> selfHeal = () -> DEFAULT_SELF_HEAL;

  public Membership(MemberStore db) {
    this.db = db;
  }

  /** Replaces the "host:port" → "ip:port" resolver used by {@link #checkHosts}. */
  public Membership withResolver(Function<String, Optional<String>> r) {
    this.resolver = r;
    return this;
  }

  /**
   * Sets how long the first of a batch of concurrent joins waits for others before the batch is committed
   * (default zero: a batch holds the joins that queued while the previous one committed; daos_server uses
   * {@link #DAOS_JOIN_BATCH_WINDOW}).
   */
  public Membership withJoinBatchWindow(Duration window) {
    this.joins = new JoinBatcher(this::joinAll, window);
    return this;
  }

  /** Supplies the current {@code self_heal} system property (consulted on swim_rank_dead). */
  public Membership withSelfHealPolicy(Supplier<String> policy) {
    this.selfHeal = policy;
    return this;
  }

  public MemberStore store() {
    return db;
  }

  public int count() {
    return db.memberCount(MemberState.ALL_FILTER);
  }

  /** Adds a member as is and returns the member count (used to seed a membership). */
  public int add(Member m) {
    return locked(() -> {
      db.addMember(m);
      return count();
    });
  }

  /** Removes the member with {@code rank}; absent ranks are ignored. */
  public void remove(int rank) {
    locked(() -> {
      db.findMemberByRank(rank).ifPresent(db::removeMember);
      return null;
    });
  }

  /** @throws SystemException MEMBER_NOT_FOUND */
  public Member get(int rank) {
    return db.findMemberByRank(rank).orElseThrow(() -> SystemException.rankNotFound(rank));
  }

  /** Sorted ranks of all members. */
  public List<Integer> rankList() {
    return db.memberRanks(MemberState.ALL_FILTER);
  }

  /**
   * Creates or updates the member for a join request (see DAOS Membership.Join). Concurrent joins are
   * batched: their member writes reach the database as one entry, and each caller gets its own response or
   * error, as if the joins had run one after another in arrival order.
   */
  public JoinResponse join(JoinRequest req) {
    return joins.join(req);
  }

  /**
   * Joins {@code reqs} in order with one database write: each join runs on a staged copy of the members; a
   * failed join leaves no trace and fails alone; if the write fails, every join that had succeeded fails with
   * its error.
   */
  List<JoinBatcher.Outcome> joinAll(List<JoinRequest> reqs) {
    return locked(() -> {
      StagedMembers staged = new StagedMembers(db);
      Joiner joiner = new Joiner(staged);
      List<JoinBatcher.Outcome> out = new ArrayList<>(reqs.size());
      for (JoinRequest req : reqs) {
        int mark = staged.mark();
        try {
          out.add(JoinBatcher.Outcome.ok(joiner.join(req)));
        } catch (RuntimeException e) {
          staged.rollback(mark);
          out.add(JoinBatcher.Outcome.failed(e));
        }
      }
      return commit(staged, out);
    });
  }

  private static List<JoinBatcher.Outcome> commit(StagedMembers staged, List<JoinBatcher.Outcome> out) {
    if (staged.isEmpty()) {
      return out;
    }
    try {
      staged.commit();
    } catch (RuntimeException e) {
      LOG.debug("join batch of {} failed to commit: {}", out.size(), e.toString());
      return out.stream().map(o -> o.error() != null ? o : JoinBatcher.Outcome.failed(e)).toList();
    }
    LOG.debug("join batch of {} committed", out.size());
    return out;
  }

  /** The rank an engine formatted with --replace takes over: identical in all fields but the UUID. */
  public int findRankFromJoinRequest(JoinRequest req) {
    return new Joiner(db).findRank(req);
  }

  /**
   * Members sorted by rank, restricted to {@code ranks} (null or empty: all; unknown ranks ignored) and to
   * states matching {@code stateMask}.
   */
  public List<Member> members(RankSet ranks, int stateMask) {
    List<Member> out = new ArrayList<>();
    for (Member m : db.allMembers()) {
      if ((ranks == null || ranks.isEmpty() || ranks.contains(m.rank())) && m.state().matches(stateMask)) {
        out.add(m);
      }
    }
    return out;
  }

  /** All members in any of the given states (all members if none given). */
  public List<Member> members(MemberState... states) {
    return members(null, MemberState.maskOf(states));
  }

  /** Members hosted at any of the control addresses in {@code addrs}, sorted by rank. */
  public List<Member> membersOnHosts(Collection<String> addrs) {
    List<Member> out = new ArrayList<>();
    for (String a : addrs) {
      out.addAll(db.findMembersByAddr(a));
    }
    out.sort((x, y) -> Integer.compareUnsigned(x.rank(), y.rank()));
    return out;
  }

  /** Control address → sorted ranks on it, for members in {@code ranks} (null or empty: all). */
  public SortedMap<String, List<Integer>> hostRanks(RankSet ranks) {
    SortedMap<String, List<Integer>> out = new TreeMap<>();
    for (Member m : db.allMembers()) {
      if (ranks == null || ranks.isEmpty() || ranks.contains(m.rank())) {
        out.computeIfAbsent(m.addr(), k -> new ArrayList<>()).add(m.rank());
      }
    }
    return out;
  }

  /** Sorted control addresses hosting any rank of {@code ranks} (null or empty: all hosts). */
  public List<String> hostList(RankSet ranks) {
    return List.copyOf(hostRanks(ranks).keySet());
  }

  /**
   * Applies fan-out results to member states: errored results must carry Errored or Unresponsive and are
   * skipped unless {@code updateOnFail}; illegal transitions are skipped silently.
   *
   * @return the results, each with the member's address filled in where it was blank
   */
  public List<MemberResult> updateMemberStates(List<MemberResult> results, boolean updateOnFail) {
    return locked(() -> new StateUpdater(db).update(results, updateOnFail));
  }

  /**
   * Returns to Joined the Errored members whose engine answered a start as running and set up (Ready): an
   * engine_died event marked them while the engine kept serving, and the join its restart would send never
   * comes, since it did not restart. DAOS's table forbids Errored to Ready, so the results alone leave them Errored.
   *
   * @return the ranks that changed
   */
  public List<Integer> rejoinStartedErrored(List<MemberResult> results) {
    return locked(() -> new StateUpdater(db).startedWhileErrored(results));
  }

  /**
   * Marks the Joined and Ready members at control address {@code addr} Unresponsive with {@code info} (the MS
   * leader's liveness check found the host silent; see HostLiveness).
   *
   * @return the ranks that changed
   */
  public List<Integer> markHostUnresponsive(String addr, String info) {
    return locked(() -> new StateUpdater(db).hostUnresponsive(addr, info));
  }

  /**
   * Returns to Joined the members at {@code addr} that are Unresponsive with an info starting with
   * {@code infoPrefix}: only what the liveness check itself marked (a jdaos extension: DAOS has no way back from
   * Unresponsive but a restart).
   *
   * @return the ranks that changed
   */
  public List<Integer> restoreHostResponsive(String addr, String infoPrefix) {
    return locked(() -> new StateUpdater(db).hostResponsive(addr, infoPrefix));
  }

  /**
   * Marks a rank Excluded after a swim_rank_dead event. A zero incarnation skips the incarnation check.
   *
   * @return true if the membership changed (a group update is due)
   * @throws SystemException MEMBER_NOT_FOUND, or STALE_INCARNATION for an event about an older incarnation
   */
  public boolean markRankDead(int rank, long incarnation) {
    return locked(() -> new StateUpdater(db).markDead(rank, incarnation));
  }

  /**
   * Reacts to a RAS event: engine_died ⇒ Errored (with the message as info); swim_rank_dead ⇒ Excluded if
   * the self_heal property holds "exclude". Never throws on bad events.
   *
   * @return true if the membership changed
   */
  public boolean onEvent(RasEvent evt) {
    if (evt == null) {
      return false;
    }
    try {
      return switch (evt.id()) {
        case ENGINE_DIED -> locked(() -> new StateUpdater(db).engineDied(evt));
        case SWIM_RANK_DEAD -> selfHealExcludes() && markRankDead(evt.rank(), evt.incarnation());
        default -> false;
      };
    } catch (SystemException e) {
      LOG.debug("ignoring {} event for rank {}: {}", evt.id().daosName(), evt.rank(), e.getMessage());
      return false;
    }
  }

  private boolean selfHealExcludes() {
    String policy = selfHeal.get();
    return policy != null && Arrays.asList(policy.split(";")).contains("exclude");
  }

  /** Sets ranks AdminExcluded (dmg system exclude). @throws SystemException MEMBER_NOT_FOUND */
  public List<MemberResult> adminExclude(RankSet ranks) {
    return setStates(ranks, MemberState.ADMIN_EXCLUDED, "set admin-excluded state");
  }

  /** Clears AdminExcluded: the ranks become Excluded and may rejoin (dmg system exclude --clear). */
  public List<MemberResult> clearExclude(RankSet ranks) {
    return setStates(ranks, MemberState.EXCLUDED, "clear admin-excluded state");
  }

  private List<MemberResult> setStates(RankSet ranks, MemberState state, String action) {
    return locked(() -> {
      List<MemberResult> out = new ArrayList<>();
      for (int r : ranks.ints()) {
        Member m = get(r).withState(state);
        db.updateMember(m);
        out.add(MemberResult.ok(r, state).withAddr(m.addr()).withAction(action));
      }
      return out;
    });
  }

  /** True if {@code rank} is a member in AdminExcluded state. */
  public boolean isRankAdminExcluded(int rank) {
    return db.findMemberByRank(rank).map(m -> m.state() == MemberState.ADMIN_EXCLUDED).orElse(false);
  }

  /**
   * Splits a rank list into member ranks and unknown ranks; blank input means every member.
   *
   * @throws IllegalArgumentException for a malformed rank list
   */
  public RankCheck checkRanks(String ranks) {
    RankSet all = RankSet.ofInts(rankList());
    if (ranks == null || ranks.isBlank()) {
      return new RankCheck(all, RankSet.empty());
    }
    List<Integer> hit = new ArrayList<>();
    List<Integer> miss = new ArrayList<>();
    for (int r : RankSet.parse(ranks).ints()) {
      (all.contains(r) ? hit : miss).add(r);
    }
    return new RankCheck(RankSet.ofInts(hit), RankSet.ofInts(miss));
  }

  /**
   * Resolves each host of a host list ({@code ctlPort} added where no port is given) and returns the ranks
   * on the known hosts plus the hosts that did not resolve or host no member.
   *
   * @throws IllegalArgumentException for a malformed host list
   */
  public HostCheck checkHosts(String hosts, int ctlPort) {
    SortedMap<String, List<Integer>> hostRanks = hostRanks(null);
    List<Integer> ranks = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String host : HostSet.parse(hosts).hosts()) {
      String withPort = HostResolver.hasPort(host) ? host : host + ":" + ctlPort;
      List<Integer> found = resolver.apply(withPort).map(hostRanks::get).orElse(null);
      if (found == null) {
        missing.add(host);
      } else {
        ranks.addAll(found);
      }
    }
    return new HostCheck(RankSet.ofInts(ranks), missing);
  }

  /**
   * The group map for engines: non-excluded members with a rank and primary URI; MS ranks are those hosted
   * on {@code replicaAddrs}.
   *
   * @throws SystemException EMPTY_GROUP_MAP if no rank qualifies
   */
  public GroupMap groupMap(Collection<String> replicaAddrs) {
    int version = db.mapVersion();
    SortedMap<Integer, RankEntry> entries = new TreeMap<>();
    List<Integer> msRanks = new ArrayList<>();
    for (Member m : db.allMembers()) {
      if (!m.state().matches(MemberState.EXCLUDED_FILTER) && !m.hasNilRank() && !m.primaryFabricUri().isEmpty()) {
        entries.put(m.rank(), new RankEntry(m.primaryFabricUri(), m.primaryFabricContexts(),
            m.secondaryFabricUris(), m.secondaryFabricContexts(), m.incarnation()));
        if (replicaAddrs.contains(m.addr())) {
          msRanks.add(m.rank());
        }
      }
    }
    if (entries.isEmpty()) {
      throw new SystemException(SystemException.Kind.EMPTY_GROUP_MAP, "empty group map (all ranks excluded?)");
    }
    return new GroupMap(version, entries, msRanks);
  }

  private <T> T locked(Supplier<T> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  /** Result of {@link #checkRanks}: ranks that are members and ranks that are not. */
  public record RankCheck(RankSet hit, RankSet miss) {
  }

  /** Result of {@link #checkHosts}: ranks on the known hosts, and hosts without members (as given). */
  public record HostCheck(RankSet ranks, List<String> missingHosts) {
    public HostCheck {
      missingHosts = List.copyOf(missingHosts);
    }
  }
}
