package io.daos.engine.mgmt;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.daos.cart.CartReplier;
import io.daos.cart.CartRequest;
import io.daos.cart.CartServer;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.svc.PoolInit;
import io.daos.proto.tgt.RsvcStartReply;
import io.daos.proto.tgt.RsvcStartReq;
import io.daos.proto.tgt.TgtCreateReply;
import io.daos.proto.tgt.TgtCreateReq;
import io.daos.proto.tgt.TgtDestroyReply;
import io.daos.proto.tgt.TgtDestroyReq;
import io.daos.rpc.MgmtRpc;
import io.daos.rpc.RsvcRpc;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rank side of pool create and destroy over CART-J (DAOS {@code ds_mgmt_hdlr_tgt_create},
 * {@code ds_mgmt_hdlr_tgt_destroy}, {@code ds_rsvc_start_handler}): MGMT_TGT_CREATE creates this rank's targets,
 * RSVC_START starts its pool service replica, MGMT_TGT_DESTROY removes both. Bodies run on {@code executor} (they
 * do file I/O and wait for Raft), never on a network or target thread; failures are answered as statuses.
 */
public final class PoolTgtHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(PoolTgtHandlers.class);

  /** A handler body: the reply, or a DaosException whose status is answered. */
  @FunctionalInterface
  private interface Body<Q> {
    MessageLite run(Q req);
  }

  @FunctionalInterface
  private interface Parser<Q> {
    Q parse(byte[] b) throws InvalidProtocolBufferException;
  }

  private final LocalPoolOps local;
  private final Executor executor;

  public PoolTgtHandlers(LocalPoolOps local, Executor executor) {
    this.local = local;
    this.executor = executor;
  }

  public CartServer registerOn(CartServer s) {
    s.register(MgmtRpc.TGT_CREATE, (req, reply) -> serve(req, reply, TgtCreateReq::parseFrom, this::create,
        st -> TgtCreateReply.newBuilder().setStatus(st).build()));
    s.register(MgmtRpc.TGT_DESTROY, (req, reply) -> serve(req, reply, TgtDestroyReq::parseFrom, this::destroy,
        st -> TgtDestroyReply.newBuilder().setStatus(st).build()));
    s.register(RsvcRpc.START, (req, reply) -> serve(req, reply, RsvcStartReq::parseFrom, this::startService,
        st -> RsvcStartReply.newBuilder().setStatus(st).build()));
    return s;
  }

  TgtCreateReply create(TgtCreateReq req) {
    UUID pool = Uuids.required(req.getPoolUuid(), "pool");
    LOG.info("{}: creating the targets of pool {} (scm {}, nvme {})", local.name(), pool, req.getScmSize(),
        req.getNvmeSize());
    EnginePool p = local.createTargets(pool, req.getScmSize(), req.getNvmeSize());
    return TgtCreateReply.newBuilder().addRanks(local.rank()).setScmBytes(p.tiers().scmBytes())
        .setNvmeBytes(p.tiers().nvmeBytes()).build();
  }

  TgtDestroyReply destroy(TgtDestroyReq req) {
    UUID pool = Uuids.required(req.getPoolUuid(), "pool");
    LOG.info("{}: destroying the targets of pool {}", local.name(), pool);
    local.destroy(pool);
    return TgtDestroyReply.getDefaultInstance();
  }

  RsvcStartReply startService(RsvcStartReq req) {
    LOG.info("{}: starting the service replica of pool {}", local.name(), req.getCreate().getUuid());
    OptionalInt leader = local.startService(req.getCreate(), PoolInit.svcRanks(req.getCreate()));
    RsvcStartReply.Builder b = RsvcStartReply.newBuilder().setLeaderKnown(leader.isPresent());
    leader.ifPresent(b::setLeader);
    return b.build();
  }

  private <Q> void serve(CartRequest req, CartReplier reply, Parser<Q> parser, Body<Q> body,
      Function<Integer, MessageLite> error) {
    Q q;
    try {
      q = parser.parse(req.bodyBytes());
    } catch (InvalidProtocolBufferException e) {
      LOG.warn("{}: malformed {} from {}: {}", local.name(), req.opcode(), req.peer(), e.getMessage());
      reply.error(DaosStatus.PROTO, 0);
      return;
    }
    try {
      executor.execute(() -> reply.ok(0, run(q, body, error).toByteArray()));
    } catch (RejectedExecutionException e) {
      reply.ok(0, error.apply(DaosStatus.SHUTDOWN.code()).toByteArray());
    }
  }

  private <Q> MessageLite run(Q q, Body<Q> body, Function<Integer, MessageLite> error) {
    try {
      return body.run(q);
    } catch (DaosException e) {
      LOG.error("{}: {}", local.name(), e.getMessage());
      return error.apply(e.status().code());
    } catch (RuntimeException e) {
      LOG.error("{}: pool target operation failed: {}", local.name(), e.toString(), e);
      return error.apply(DaosStatus.MISC.code());
    }
  }
}
