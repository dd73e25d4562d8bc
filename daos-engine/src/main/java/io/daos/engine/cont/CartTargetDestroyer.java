package io.daos.engine.cont;

import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.proto.cont.ContOp;
import io.daos.rpc.ContRpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
  /** How long a close waits for the targets to confirm an invalidation (it never fails the close). */
  static final Duration INVALIDATE_WAIT = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(CartTargetDestroyer.class);

  private final CartClient client;
  private final Function<UUID, List<String>> rankUris;
  private final Duration timeout;

  /** {@code rankUris}: the CART-J URIs of every engine (rank) in a pool's map. */
  public CartTargetDestroyer(CartClient client, Function<UUID, List<String>> rankUris, Duration timeout) {
    this.client = client;
    this.rankUris = rankUris;
    this.timeout = timeout;
  }

  @Override
  public void destroy(UUID pool, UUID cont) {
    byte[] body = ContOp.newBuilder().setPoolUuid(Uuids.toByteString(pool)).setContUuid(Uuids.toByteString(cont))
        .build().toByteArray();
    List<String> uris = rankUris.apply(pool);
    List<CompletableFuture<CartReply>> calls = new ArrayList<>();
    for (String uri : uris) {
      calls.add(client.callWrapped(uri, TGT_DESTROY, 0, 0, body, null, timeout));
    }
    DaosException first = null;
    for (int i = 0; i < calls.size(); i++) {
      try (CartReply r = CartClient.await(calls.get(i))) {
        if (r.status() != 0 && first == null) {
          first = new DaosException(DaosStatus.fromCode(r.status()), "engine " + uris.get(i)
              + " could not destroy container " + cont);
        }
      } catch (DaosException e) {
        first = first == null ? new DaosException(e.status(), "engine " + uris.get(i) + " did not confirm the "
            + "destroy of container " + cont + ": " + e.getMessage() + " (retry the destroy)", e) : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public void invalidateHandles(UUID pool, Collection<UUID> handles) {
    List<String> uris = rankUris.apply(pool);
    Duration wait = timeout.compareTo(INVALIDATE_WAIT) < 0 ? timeout : INVALIDATE_WAIT;
    List<CompletableFuture<CartReply>> calls = new ArrayList<>();
    List<String> to = new ArrayList<>();
    for (UUID h : handles) {
      byte[] body = ContOp.newBuilder().setPoolUuid(Uuids.toByteString(pool)).setContHdl(Uuids.toByteString(h))
          .build().toByteArray();
      for (String uri : uris) {
        calls.add(client.callWrapped(uri, ContRpc.CAPA_INVALIDATE, 0, 0, body, null, wait));
        to.add(uri);
      }
    }
    for (int i = 0; i < calls.size(); i++) {
      try (CartReply r = CartClient.await(calls.get(i))) {
        if (r.status() != 0) {
          LOG.warn("pool {}: engine {} refused a closed handle's invalidation: {}", pool, to.get(i),
              DaosStatus.fromCode(r.status()));
        }
      } catch (DaosException e) {
        LOG.warn("pool {}: engine {} did not confirm a closed handle's invalidation: {}", pool, to.get(i),
            e.getMessage());
      }
    }
  }
}
