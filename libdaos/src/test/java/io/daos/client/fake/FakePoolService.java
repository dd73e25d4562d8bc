package io.daos.client.fake;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.daos.cart.CartReplier;
import io.daos.cart.CartRequest;
import io.daos.cart.CartServer;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.proto.cont.ContReply;
import io.daos.proto.pool.PoolFindReply;
import io.daos.proto.pool.PoolFindReq;
import io.daos.proto.pool.PoolMap;
import io.daos.proto.pool.PoolMapRank;
import io.daos.proto.pool.PoolMapTarget;
import io.daos.proto.pool.PoolOpReply;
import io.daos.proto.pool.SvcHint;
import io.daos.rpc.PoolRpc;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake pool service (pool + container RPCs): served by the leader replica only; other replicas answer
 * DER_NOTLEADER with the leader hint, non-replicas DER_NOTREPLICA. Handlers live in {@link FakePoolHandlers} and
 * {@link FakeContHandlers}.
 */
public final class FakePoolService {
  public static final UUID POOL = UUID.fromString("6f0b2c4e-1d2a-4b7e-9a51-3c2d1e0f9a88");
  public static final String LABEL = "pool1";

  /** A handler body returning the reply message (status 0). */
  interface Body {
    MessageLite run(CartRequest req) throws Exception;
  }

  private final FakeCluster cluster;
  private final int ranks;
  private final int targets;
  private final List<Integer> replicas;
  private volatile int leader;
  private volatile boolean hints = true;
  private volatile int mapVersion = 1;
  private volatile Set<Integer> downRanks = Set.of();
  final Set<ByteString> poolHandles = ConcurrentHashMap.newKeySet();
  final Set<ByteString> contHandles = ConcurrentHashMap.newKeySet();
  final Map<String, ByteString> poolAttrs = new ConcurrentHashMap<>();
  final Map<UUID, FakeContHandlers.Cont> conts = new ConcurrentHashMap<>();
  volatile ByteString lastCred = ByteString.EMPTY;

  FakePoolService(FakeCluster cluster, int ranks, int targets, List<Integer> replicas, int leader) {
    this.cluster = cluster;
    this.ranks = ranks;
    this.targets = targets;
    this.replicas = List.copyOf(replicas);
    this.leader = leader;
  }

  void registerOn(CartServer s, int rank) {
    new FakePoolHandlers(this).registerOn(s, rank);
    new FakeContHandlers(this).registerOn(s, rank);
  }

  /** Wraps {@code body} with the leadership check and error replies. */
  void serve(CartServer s, int rank, Opcode opc, Body body) {
    s.register(opc, (req, reply) -> {
      cluster.record(rank, 0, opc);
      if (!replicas.contains(rank)) {
        error(reply, opc, DaosStatus.NOTREPLICA, false);
        return;
      }
      if (rank != leader) {
        error(reply, opc, DaosStatus.NOTLEADER, hints);
        return;
      }
      try {
        reply.ok(mapVersion, Unpooled.wrappedBuffer(body.run(req).toByteArray()));
      } catch (DaosException e) {
        error(reply, opc, e.status(), false);
      }
    });
  }

  private void error(CartReplier reply, Opcode opc, DaosStatus st, boolean hint) {
    PoolOpReply.Builder op = PoolOpReply.newBuilder().setStatus(st.code()).setMapVersion(mapVersion);
    if (hint) {
      op.setHint(SvcHint.newBuilder().setValid(true).setLeaderRank(leader).setTerm(3));
    }
    byte[] body = opc.equals(PoolRpc.DISCONNECT) ? op.build().toByteArray()
        : ContReply.newBuilder().setOp(op).build().toByteArray();
    reply.reply(st.code(), mapVersion, Unpooled.wrappedBuffer(body), null);
  }

  PoolOpReply ok() {
    return PoolOpReply.newBuilder().setMapVersion(mapVersion).build();
  }

  PoolFindReply find(PoolFindReq r) {
    boolean match = r.getLabel().equals(LABEL) || r.getUuid().equals(Uuids.toByteString(POOL));
    if (!match) {
      return FakeEngine.notFound();
    }
    return PoolFindReply.newBuilder().setUuid(Uuids.toByteString(POOL)).setLabel(LABEL).addAllSvcReps(replicas)
        .build();
  }

  PoolMap map() {
    PoolMap.Builder m = PoolMap.newBuilder().setVersion(mapVersion);
    for (int r = 0; r < ranks; r++) {
      PoolMapRank.Builder pr = PoolMapRank.newBuilder().setRank(r).setFaultDomain("/node" + r);
      for (int t = 0; t < targets; t++) {
        boolean down = downRanks.contains(r);
        pr.addTargets(PoolMapTarget.newBuilder().setState(down ? 8 : 4).setFseq(down ? mapVersion : 1));
      }
      m.addRanks(pr);
    }
    return m.build();
  }

  public int mapVersion() {
    return mapVersion;
  }

  /** Marks {@code rank}'s targets DOWN at a new map version (the client learns it from replies). */
  public void exclude(int rank) {
    downRanks = Set.copyOf(java.util.stream.Stream.concat(downRanks.stream(), java.util.stream.Stream.of(rank))
        .toList());
    mapVersion++;
  }

  public void setLeader(int rank) {
    this.leader = rank;
  }

  /** Whether non-leaders send the leader hint (DAOS replicas may not know the leader). */
  public void sendHints(boolean h) {
    this.hints = h;
  }

  /** The credential bytes of the last POOL_CONNECT. */
  public ByteString lastCredential() {
    return lastCred;
  }

  boolean isOpenHandle(ByteString hdl) {
    return contHandles.contains(hdl);
  }
}
