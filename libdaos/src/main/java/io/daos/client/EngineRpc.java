package io.daos.client;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.Opcode;
import io.daos.common.DaosException;
import io.daos.common.DaosStatus;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Sends one RPC to one engine rank over the client's single CART-J client and decodes the reply body. */
final class EngineRpc implements AutoCloseable {
  private final CartClient cart;
  private final RankUris uris;
  private final Duration timeout;

  EngineRpc(CartClient cart, RankUris uris, Duration timeout) {
    this.cart = cart;
    this.uris = uris;
    this.timeout = timeout;
  }

  RankUris uris() {
    return uris;
  }

  <T> CompletableFuture<RpcReply<T>> call(int rank, int target, Opcode opc, int mapVersion, MessageLite body,
      byte[] bulk, Parser<T> parser) {
    return Futures.of(() -> cart.callWrapped(uris.uri(rank), opc, target, mapVersion, body.toByteArray(),
        bulk == null || bulk.length == 0 ? null : ByteBuffer.wrap(bulk), timeout))
        .thenApply(r -> decode(r, parser, rank, opc));
  }

  private static <T> RpcReply<T> decode(CartReply r, Parser<T> parser, int rank, Opcode opc) {
    try (r) {
      T body = parser.parseFrom(r.body().nioBuffer());
      byte[] bulk = new byte[r.bulk().readableBytes()];
      r.bulk().getBytes(r.bulk().readerIndex(), bulk);
      return new RpcReply<>(body, r.status(), r.mapVersion(), bulk);
    } catch (InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.PROTO, "undecodable reply to " + opc + " from rank " + rank, e);
    }
  }

  @Override
  public void close() {
    cart.close();
  }
}
