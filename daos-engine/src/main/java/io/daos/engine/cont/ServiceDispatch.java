package io.daos.engine.cont;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.daos.cart.CartHandler;
import io.daos.cart.CartReplier;
import io.daos.cart.Opcode;
import io.daos.common.Hlc;
import io.daos.common.LogLimiter;
import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.pool.svc.ServiceReplica;
import io.daos.engine.pool.svc.ServiceReplicas;
import io.daos.engine.rdb.Rdb;
import io.daos.proto.pool.PoolOpReply;
import io.daos.proto.pool.SvcHint;
import io.netty.buffer.Unpooled;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a container-service RPC: parses the body on the CART-J target thread, finds this engine's replica of the
 * pool (DER_NOTREPLICA when there is none), runs the body on the replica's executor (DER_NOTLEADER with the leader
 * hint on a follower) and replies with the pool reply header; malformed bodies get DER_INVAL, never a crash.
 */
final class ServiceDispatch {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceDispatch.class);
  /** Peers decide how often bad requests arrive; the lines about them are rate-limited. */
  private static final LogLimiter LOG_LIMIT = LogLimiter.perMinute();

  /** Parses a request body. */
  @FunctionalInterface
  interface Parser<Q> {
    Q parse(byte[] body) throws InvalidProtocolBufferException;
  }

  /** The body of one operation; {@code ok} is the success header to put in the reply. */
  @FunctionalInterface
  interface Op<Q> {
    MessageLite run(ContainerService svc, Q req, PoolOpReply ok);
  }

  private final String name;
  private final ServiceReplicas replicas;
  private final TargetDestroyer targets;
  private final Hlc hlc;
  volatile ContainerService.PoolMaps maps = p -> Optional.empty();

  ServiceDispatch(String name, ServiceReplicas replicas, TargetDestroyer targets, Hlc hlc) {
    this.name = name;
    this.replicas = replicas;
    this.targets = targets;
    this.hlc = hlc;
  }

  <Q> CartHandler handler(Opcode opc, Parser<Q> parser, Function<Q, ByteString> pool, Op<Q> op,
      Function<PoolOpReply, MessageLite> err) {
    return (req, reply) -> {
      Q q;
      UUID p;
      try {
        q = parser.parse(req.bodyBytes());
        p = Uuids.required(pool.apply(q), "pool");
      } catch (InvalidProtocolBufferException | DaosException e) {
        LOG_LIMIT.warn(LOG, "malformed", "{}: malformed {} from {}: {}", name, opc, req.peer(), e.getMessage());
        send(reply, err, header(DaosStatus.INVAL.code(), 0, null));
        return;
      }
      Optional<ServiceReplica> r = replicas.find(p);
      if (r.isEmpty()) {
        send(reply, err, header(DaosStatus.NOTREPLICA.code(), 0, null));
        return;
      }
      try {
        r.get().executor().execute(() -> run(opc, r.get(), q, op, err, reply));
      } catch (RejectedExecutionException e) {
        send(reply, err, header(DaosStatus.NOTREPLICA.code(), 0, null));
      }
    };
  }

  private <Q> void run(Opcode opc, ServiceReplica r, Q q, Op<Q> op, Function<PoolOpReply, MessageLite> err,
      CartReplier reply) {
    int mv = r.mapVersion();
    try {
      if (!r.rdb().isLeader()) {
        throw new DaosException(DaosStatus.NOTLEADER, "not the leader of pool service " + r.poolUuid());
      }
      MessageLite m = op.run(new ContainerService(r, targets, hlc, maps), q, header(0, mv, r.rdb()));
      reply.reply(0, mv, Unpooled.wrappedBuffer(m.toByteArray()), null);
    } catch (DaosException e) {
      LOG.debug("{}: {} on pool {} failed: {}", name, opc, r.poolUuid(), e.getMessage());
      send(reply, err, header(e.status().code(), mv, r.rdb()));
    } catch (RuntimeException e) {
      LOG.error("{}: {} on pool {} failed unexpectedly", name, opc, r.poolUuid(), e);
      send(reply, err, header(DaosStatus.MISC.code(), mv, r.rdb()));
    }
  }

  /** Closes the container handles of {@code poolHandles}; runs on {@code r}'s executor (its caller's thread). */
  void closeHandlesOf(ServiceReplica r, java.util.List<UUID> poolHandles) {
    ContainerService svc = new ContainerService(r, targets, hlc, maps);
    for (UUID h : poolHandles) {
      int n = svc.closeHandlesOf(h);
      if (n > 0) {
        LOG.info("{}: pool {}: closed {} container handles of pool handle {}", name, r.poolUuid(), n, h);
      }
    }
  }

  /** The redundancy level of each container of {@code pool} (empty when no service replica of it is here). */
  Map<UUID, Integer> redundancyLevels(UUID pool) {
    Optional<ServiceReplica> r = replicas.find(pool);
    if (r.isEmpty()) {
      return Map.of();
    }
    try {
      return new ContainerService(r.get(), targets, hlc, maps).redundancyLevels();
    } catch (RuntimeException e) {
      LOG.warn("{}: container levels of pool {} not read: {}", name, pool, e.toString());
      return Map.of();
    }
  }

  /** Each container's ec_cell_sz (empty when no service replica of {@code pool} is here). */
  Map<UUID, Long> ecCellSizes(UUID pool) {
    Optional<ServiceReplica> r = replicas.find(pool);
    if (r.isEmpty()) {
      return Map.of();
    }
    try {
      return new ContainerService(r.get(), targets, hlc, maps).ecCellSizes();
    } catch (RuntimeException e) {
      LOG.warn("{}: container cell sizes of pool {} not read: {}", name, pool, e.toString());
      return Map.of();
    }
  }

  /**
   * After this engine installed {@code map} for {@code pool}: when it leads the pool's service, the container
   * service's RF check runs on the replica's executor.
   */
  void rfCheck(UUID pool, io.daos.proto.pool.PoolMap map) {
    Optional<ServiceReplica> r = replicas.find(pool);
    if (r.isEmpty()) {
      return;
    }
    try {
      r.get().executor().execute(() -> {
        if (!r.get().rdb().isLeader()) {
          return;
        }
        try {
          new ContainerService(r.get(), targets, hlc, maps).rfCheck(map);
        } catch (RuntimeException e) {
          LOG.error("{}: RF check of pool {} at map version {} failed: {}", name, pool, map.getVersion(), e.toString());
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.debug("{}: pool {} service closing; no RF check", name, pool);
    }
  }

  private static void send(CartReplier reply, Function<PoolOpReply, MessageLite> err, PoolOpReply h) {
    reply.reply(h.getStatus(), h.getMapVersion(), Unpooled.wrappedBuffer(err.apply(h).toByteArray()), null);
  }

  /** The pool reply header: status, map version and, when the Rdb knows one, the leader hint (rsvc_hint). */
  static PoolOpReply header(int status, int mapVersion, Rdb rdb) {
    PoolOpReply.Builder b = PoolOpReply.newBuilder().setStatus(status).setMapVersion(mapVersion);
    if (rdb != null) {
      OptionalInt leader = rdb.leaderHint();
      SvcHint.Builder h = SvcHint.newBuilder().setValid(leader.isPresent()).setTerm(rdb.term());
      leader.ifPresent(h::setLeaderRank);
      b.setHint(h);
    }
    return b.build();
  }
}
