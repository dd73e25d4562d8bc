package io.daos.engine.rdb;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import io.daos.raft.RaftSettings;
import io.daos.raft.SharedKeyTls;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.GroupManagementRequest;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Ratis server of an engine (DAOS's rdb module): it hosts one Raft group per pool whose service has a
 * replica on this engine, stores them under {@code <scm_mount>/rdb/<pool uuid>/} and reopens them all when it
 * starts again (their peers are in the Raft configuration Ratis keeps).
 */
public final class RdbServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RdbServer.class);

  private final String name;
  private final int rank;
  private final RaftServer server;
  private final Duration timeout;
  private final ClientId clientId = ClientId.randomId();
  private final AtomicLong callIds = new AtomicLong();
  private final Map<UUID, RatisRdb> replicas = new ConcurrentHashMap<>();
  private final Parameters parameters;

  private RdbServer(String name, int rank, RaftServer server, Duration timeout, Parameters parameters) {
    this.name = name;
    this.rank = rank;
    this.server = server;
    this.timeout = timeout;
    this.parameters = parameters;
  }

  /**
   * Starts the server of rank {@code rank} listening at {@code raftAddress} ({@code host:port}) with its storage
   * under {@code dir} and election timeout {@code electionTimeout}; every group found there is reopened. With
   * {@code tls} (derived from the system's key) the replicas talk over mutual TLS and accept only engines that
   * hold the key; with null, over plain Netty (a system whose control plane hands out no key, as DAOS's).
   */
  public static RdbServer start(String name, int rank, String raftAddress, Path dir, Duration timeout,
      Duration electionTimeout, SharedKeyTls tls) throws IOException {
    RaftSettings settings = RdbConfig.settings(raftAddress, dir, electionTimeout, tls);
    Parameters params = settings.parameters();
    RaftServer s = RaftServer.newBuilder().setServerId(RdbPeers.peerId(rank))
        .setProperties(settings.properties()).setParameters(params)
        .setStateMachineRegistry(g -> new RdbStateMachine())
        .setOption(RaftStorage.StartupOption.RECOVER).build();
    s.start();
    RdbServer rdb = new RdbServer(name, rank, s, timeout, params);
    LOG.info("{}: pool service Raft server of rank {} at {} ({}, {}), {} groups reopened", name, rank,
        raftAddress, dir, tls == null ? "plain" : "mutual TLS with the system key", rdb.pools().size());
    return rdb;
  }

  public int rank() {
    return rank;
  }

  /** The pools whose groups this server hosts. */
  public List<UUID> pools() {
    List<UUID> out = new ArrayList<>();
    server.getGroupIds().forEach(g -> out.add(g.getUuid()));
    return out;
  }

  /** This engine's replica of {@code pool}'s database, if the server hosts its group. */
  public Optional<RatisRdb> replica(UUID pool) {
    RaftGroupId gid = RdbPeers.groupId(pool);
    for (RaftGroupId g : server.getGroupIds()) {
      if (g.equals(gid)) {
        return Optional.of(replicas.computeIfAbsent(pool, p -> new RatisRdb(p, server, timeout, parameters, this::forget)));
      }
    }
    return Optional.empty();
  }

  /**
   * Joins {@code pool}'s group with the given rank → Raft address peers (this rank among them), creating its
   * storage; an existing group is reused as it is (idempotent).
   */
  public RatisRdb join(UUID pool, Map<Integer, String> raftAddresses) {
    Optional<RatisRdb> existing = replica(pool);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (!raftAddresses.containsKey(rank)) {
      throw new DaosException(DaosStatus.INVAL, "pool " + pool + ": rank " + rank + " is not among the service "
          + "ranks " + raftAddresses.keySet());
    }
    RaftGroup group = RdbPeers.group(pool, raftAddresses);
    manage(GroupManagementRequest.newAdd(clientId, server.getId(), callIds.incrementAndGet(), group, true),
        "add pool service group " + pool);
    LOG.info("{}: joined pool service {} with peers {}", name, pool, raftAddresses);
    return replica(pool).orElseThrow();
  }

  /** Leaves {@code pool}'s group and deletes its storage (pool destroy); nothing happens if it is not here. */
  public boolean remove(UUID pool) {
    if (replica(pool).isEmpty()) {
      return false;
    }
    RatisRdb r = replicas.remove(pool);
    if (r != null) {
      r.closeClient();
    }
    manage(GroupManagementRequest.newRemove(clientId, server.getId(), callIds.incrementAndGet(),
        RdbPeers.groupId(pool), true, false), "remove pool service group " + pool);
    LOG.info("{}: removed pool service {} and its storage", name, pool);
    return true;
  }

  /** Called by {@link RatisRdb#close()}: leaves the group, keeping its storage for the next start. */
  private void forget(UUID pool) {
    replicas.remove(pool);
    manage(GroupManagementRequest.newRemove(clientId, server.getId(), callIds.incrementAndGet(),
        RdbPeers.groupId(pool), false, false), "stop pool service group " + pool);
  }

  private void manage(GroupManagementRequest req, String what) {
    RaftClientReply reply;
    try {
      reply = server.groupManagement(req);
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, name + ": cannot " + what + ": " + e.getMessage(), e);
    }
    if (!reply.isSuccess()) {
      throw new DaosException(DaosStatus.IO, name + ": cannot " + what + ": " + reply.getException());
    }
  }

  /** Stops every group (their storage stays) and the server. */
  @Override
  public void close() {
    replicas.values().forEach(RatisRdb::closeClient);
    replicas.clear();
    try {
      server.close();
    } catch (IOException e) {
      LOG.warn("{}: closing the pool service Raft server: {}", name, e.toString());
    }
  }
}
