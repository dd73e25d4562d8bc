package io.daos.engine.pool.svc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.daos.cart.CartReplier;
import io.daos.cart.CartRequest;
import io.daos.common.LogLimiter;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Futures;
import io.daos.common.Uuids;
import io.daos.proto.pool.PoolOp;
import io.daos.proto.pool.PoolOpReply;
import io.daos.proto.pool.SvcHint;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one pool-service request: finds this engine's replica (DER_NOTREPLICA if none), runs the body on the
 * service thread, and answers with the body's reply or, on failure, an error reply whose PoolOpReply carries the
 * status, the map version and the leader hint (DER_NOTLEADER from a follower). A request without a pool handle
 * (engines send those for dmg) is served only from an engine of the system ({@link CartRequest#fromEngine()}):
 * a client gets DER_NO_HDL.
 */
public final class ServiceCalls {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceCalls.class);
  /** Peers decide how often bad requests arrive; the lines about them are rate-limited. */
  private static final LogLimiter LOG_LIMIT = LogLimiter.perMinute();

  /** A request body run on the service thread; returns the reply (possibly later). */
  @FunctionalInterface
  public interface Body<Q> {
    CompletableFuture<? extends Message> run(PoolService svc, Q req);
  }

  /** Builds the error form of a reply type from its PoolOpReply. */
  @FunctionalInterface
  public interface ErrorReply {
    Message of(PoolOpReply op);
  }

  @FunctionalInterface
  public interface Parser<Q> {
    Q parse(byte[] body) throws InvalidProtocolBufferException;
  }

  private final PoolServices services;

  public ServiceCalls(PoolServices services) {
    this.services = services;
  }

  public <Q> void serve(CartRequest req, CartReplier reply, Parser<Q> parser, Function<Q, PoolOp> op, Body<Q> body,
      ErrorReply error) {
    Q q;
    try {
      q = parser.parse(req.bodyBytes());
    } catch (InvalidProtocolBufferException e) {
      LOG_LIMIT.warn(LOG, "malformed", "malformed {} from {}: {}", req.opcode(), req.peer(), e.getMessage());
      reply.error(DaosStatus.PROTO, 0);
      return;
    }
    if (op.apply(q).getPoolHdl().isEmpty() && !req.fromEngine()) {
      LOG.debug("{} from {} names no pool handle and does not come from an engine of the system: DER_NO_HDL",
          req.opcode(), req.peer());
      reply.ok(0, error.of(status(DaosStatus.NO_HDL, null)).toByteArray());
      return;
    }
    PoolService svc;
    try {
      svc = services.service(Uuids.required(op.apply(q).getPoolUuid(), "pool")).orElse(null);
    } catch (DaosException e) {
      reply.ok(0, error.of(status(e.status(), null)).toByteArray());
      return;
    }
    if (svc == null) {
      reply.ok(0, error.of(status(DaosStatus.NOTREPLICA, null)).toByteArray());
      return;
    }
    try {
      svc.executor().execute(() -> run(svc, q, body, error, reply));
    } catch (RejectedExecutionException e) {
      reply.ok(0, error.of(status(DaosStatus.SHUTDOWN, null)).toByteArray());
    }
  }

  private <Q> void run(PoolService svc, Q q, Body<Q> body, ErrorReply error, CartReplier reply) {
    CompletableFuture<? extends Message> f;
    try {
      if (!svc.rdb().isLeader()) {
        throw new DaosException(DaosStatus.NOTLEADER, "not the leader");
      }
      f = body.run(svc, q);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.whenComplete((m, e) -> {
      if (e == null) {
        reply.ok(svc.mapVersion(), m.toByteArray());
        return;
      }
      Throwable c = Futures.cause(e);
      DaosStatus s = c instanceof DaosException de ? de.status() : DaosStatus.MISC;
      if (!(c instanceof DaosException)) {
        LOG.error("pool {}: request failed: {}", svc.poolUuid(), c.toString(), c);
      }
      reply.ok(svc.mapVersion(), error.of(status(s, svc)).toByteArray());
    });
  }

  /** A PoolOpReply with {@code s}, the service's map version and its leader hint. */
  public static PoolOpReply status(DaosStatus s, PoolService svc) {
    PoolOpReply.Builder b = PoolOpReply.newBuilder().setStatus(s.code());
    if (svc != null) {
      b.setMapVersion(svc.mapVersion());
      OptionalInt hint = svc.rdb().leaderHint();
      if (hint.isPresent()) {
        b.setHint(SvcHint.newBuilder().setValid(true).setLeaderRank(hint.getAsInt()).setTerm(svc.rdb().term()));
      }
    }
    return b.build();
  }

  public static PoolOpReply ok(PoolService svc) {
    return status(DaosStatus.SUCCESS, svc);
  }

  static UUID hdl(PoolOp op) {
    return Uuids.required(op.getPoolHdl(), "pool handle");
  }
}
