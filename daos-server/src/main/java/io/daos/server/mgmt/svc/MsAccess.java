package io.daos.server.mgmt.svc;

import io.daos.control.errors.NotLeaderException;
import io.daos.server.sysdb.SystemDb;
import io.daos.server.system.Membership;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * DAOS's MS serving rules for one server: the system-name check, "any replica" requests
 * (checkReplicaRequest) and leader-only requests (checkLeaderRequest). A server that is not in
 * {@code mgmt_svc_replicas} answers with a not-replica redirection; a replica whose database has not started
 * yet answers "raft service unavailable", or "system is uninitialized" while its storage awaits format; a replica that is not the leader answers with a not-leader
 * redirection carrying the leader hint and the replicas.
 */
public final class MsAccess {
  private final String systemName;
  private final List<String> replicas;
  private final boolean replica;
  private volatile Ms ms;
  private volatile java.util.function.BooleanSupplier awaitingFormat = () -> false;

  /** The running MS database of this replica and the membership on top of it. */
  public record Ms(SystemDb db, Membership membership) {
    public Ms {
      Objects.requireNonNull(db, "db");
      Objects.requireNonNull(membership, "membership");
    }
  }

  /**
   * @param replicas the configured MS replicas' control addresses
   * @param replica whether this server is one of them
   */
  public MsAccess(String systemName, List<String> replicas, boolean replica) {
    this.systemName = Objects.requireNonNull(systemName, "systemName");
    this.replicas = List.copyOf(replicas);
    this.replica = replica;
  }

  /** Called once this replica's database runs (after engine 0's storage is ready). */
  public void attach(SystemDb db, Membership membership) {
    if (!replica) {
      throw new IllegalStateException("not an MS replica: cannot attach an MS database");
    }
    this.ms = new Ms(db, membership);
  }

  /**
   * Tells whether this replica's database waits for its storage to be formatted (engine 0 in AwaitFormat): then
   * requests are answered with DAOS's "system is uninitialized" at once rather than "raft service unavailable",
   * which clients retry until their deadline.
   */
  public void awaitingFormat(java.util.function.BooleanSupplier awaiting) {
    this.awaitingFormat = Objects.requireNonNull(awaiting, "awaiting");
  }

  public void detach() {
    this.ms = null;
  }

  public String systemName() {
    return systemName;
  }

  public List<String> replicas() {
    return replicas;
  }

  public boolean isReplica() {
    return replica;
  }

  /** The attached MS, if this replica's database runs. */
  public Optional<Ms> ms() {
    return Optional.ofNullable(ms);
  }

  /** @throws io.daos.common.fault.Fault SERVER_WRONG_SYSTEM */
  public void checkSystem(String sys) {
    MsErrors.checkSystem(sys, systemName);
  }

  /** checkReplicaRequest: right system, this server is a replica and its database runs. */
  public Ms checkReplica(String sys) {
    checkSystem(sys);
    if (!replica) {
      throw MsErrors.notReplica(replicas);
    }
    Ms cur = ms;
    if (cur == null) {
      throw awaitingFormat.getAsBoolean() ? MsErrors.uninitialized() : MsErrors.raftUnavailable();
    }
    return cur;
  }

  /** checkLeaderRequest: {@link #checkReplica} and this replica leads. */
  public Ms checkLeader(String sys) {
    Ms cur = checkReplica(sys);
    try {
      cur.db().checkLeader();
    } catch (NotLeaderException e) {
      throw notLeader(e);
    }
    return cur;
  }

  /** Maps a not-leader error from a database write to the redirection clients understand. */
  public RuntimeException translate(RuntimeException e) {
    if (e instanceof NotLeaderException nle) {
      return notLeader(nle);
    }
    return e;
  }

  /**
   * DAOS errNotSysLeader: the hint and the other replicas (the database leaves this one out, so that a client
   * told "no leader" asks the others rather than this replica again).
   */
  private RuntimeException notLeader(NotLeaderException e) {
    return MsErrors.notLeader(e.leaderHint(), e.replicas().isEmpty() ? replicas : e.replicas());
  }
}
