package io.daos.engine.cont;

import io.daos.cart.CartClient;
import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.engine.fanout.CartFanout;
import io.daos.proto.cont.ContOp;
import io.daos.rpc.ContRpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TargetDestroyer} over CART-J: CONT_TGT_DESTROY to the engine of every rank in the pool map, in parallel;
 * fails with the first rank's error (DER_UNREACH, DER_TIMEDOUT or the engine's status).
 */
public final class CartTargetDestroyer implements TargetDestroyer {
  /** CONT_TGT_DESTROY (body: ContOp with pool_uuid and cont_uuid). */
  public static final Opcode TGT_DESTROY = DaosModule.CONT.opcode(ContRpc.OP_TGT_DESTROY);
  /** CONT_TGT_SNAPSHOT_NOTIFY (body: ContOp with pool_uuid and cont_uuid). */
  public static final Opcode TGT_SNAPSHOT_NOTIFY = DaosModule.CONT.opcode(ContRpc.OP_TGT_SNAPSHOT_NOTIFY);
  /** How long a close waits for the targets to confirm an invalidation (it never fails the close). */
  static final Duration INVALIDATE_WAIT = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(CartTargetDestroyer.class);

  private final CartFanout fanout;
  private final Function<UUID, List<String>> rankUris;
  private final Duration timeout;

  /** {@code rankUris}: the CART-J URIs of every engine (rank) in a pool's map. */
  public CartTargetDestroyer(CartClient client, Function<UUID, List<String>> rankUris, Duration timeout) {
    this.fanout = new CartFanout(client);
    this.rankUris = rankUris;
    this.timeout = timeout;
  }

  @Override
  public void destroy(UUID pool, UUID cont) {
    byte[] body = ContOp.newBuilder().setPoolUuid(Uuids.toByteString(pool)).setContUuid(Uuids.toByteString(cont)).build()
        .toByteArray();
    List<CartFanout.Call> calls = rankUris.apply(pool).stream()
        .map(uri -> new CartFanout.Call(uri, TGT_DESTROY, body)).toList();
    List<CartFanout.Outcome> out = fanout.call(calls, timeout);
    for (int i = 0; i < calls.size(); i++) {
      check(calls.get(i).uri(), out.get(i), cont);
    }
  }

  /** Throws when engine {@code uri} did not confirm the destroy: its status, or why it sent none. */
  private static void check(String uri, CartFanout.Outcome o, UUID cont) {
    if (!o.replied()) {
      throw new DaosException(o.failure().status(), "engine " + uri + " did not confirm the destroy of container "
          + cont + ": " + o.failure().getMessage() + " (retry the destroy)", o.failure());
    }
    if (o.status() != 0) {
      throw new DaosException(DaosStatus.fromCode(o.status()), "engine " + uri + " could not destroy container "
          + cont);
    }
  }

  @Override
  public void snapshotNotify(UUID pool, UUID cont) {
    byte[] body = ContOp.newBuilder().setPoolUuid(Uuids.toByteString(pool)).setContUuid(Uuids.toByteString(cont)).build()
        .toByteArray();
    List<CartFanout.Call> calls = rankUris.apply(pool).stream()
        .map(uri -> new CartFanout.Call(uri, TGT_SNAPSHOT_NOTIFY, body)).toList();
    Duration wait = timeout.compareTo(INVALIDATE_WAIT) < 0 ? timeout : INVALIDATE_WAIT;
    List<CartFanout.Outcome> out = fanout.call(calls, wait);
    for (int i = 0; i < calls.size(); i++) {
      CartFanout.Outcome o = out.get(i);
      if (!o.replied() || o.status() != 0) {
        LOG.warn("pool {}: engine {} did not confirm the snapshot notification of container {}: {}", pool,
            calls.get(i).uri(), cont, o.replied() ? DaosStatus.fromCode(o.status()) : o.failure().getMessage());
      }
    }
  }

  @Override
  public void invalidateHandles(UUID pool, Collection<UUID> handles) {
    List<String> uris = rankUris.apply(pool);
    Duration wait = timeout.compareTo(INVALIDATE_WAIT) < 0 ? timeout : INVALIDATE_WAIT;
    List<CartFanout.Call> calls = new ArrayList<>();
    for (UUID h : handles) {
      byte[] body = ContOp.newBuilder().setPoolUuid(Uuids.toByteString(pool)).setContHdl(Uuids.toByteString(h)).build()
          .toByteArray();
      uris.forEach(uri -> calls.add(new CartFanout.Call(uri, ContRpc.CAPA_INVALIDATE, body)));
    }
    List<CartFanout.Outcome> out = fanout.call(calls, wait);
    for (int i = 0; i < calls.size(); i++) {
      CartFanout.Outcome o = out.get(i);
      if (!o.replied()) {
        LOG.warn("pool {}: engine {} did not confirm a closed handle's invalidation: {}", pool, calls.get(i).uri(),
            o.failure().getMessage());
      } else if (o.status() != 0) {
        LOG.warn("pool {}: engine {} refused a closed handle's invalidation: {}", pool, calls.get(i).uri(),
            DaosStatus.fromCode(o.status()));
      }
    }
  }
}
