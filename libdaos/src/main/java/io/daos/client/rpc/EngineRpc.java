package io.daos.client.rpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.Opcode;
import io.daos.client.telemetry.ClientMetrics;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Sends one RPC to one engine rank over the client's single CART-J client and decodes the reply body. */
public final class EngineRpc implements AutoCloseable {
  private static final byte[] NO_BYTES = new byte[0];

  private final CartClient cart;
  private final RankUris uris;
  private final Duration timeout;
  private final ClientMetrics metrics;

  public EngineRpc(CartClient cart, RankUris uris, Duration timeout) {
    this(cart, uris, timeout, null);
  }

  /** With {@code metrics} (null for none) told of every reply. */
  public EngineRpc(CartClient cart, RankUris uris, Duration timeout, ClientMetrics metrics) {
    this.cart = cart;
    this.uris = uris;
    this.timeout = timeout;
    this.metrics = metrics;
  }

  public RankUris uris() {
    return uris;
  }

  public <T> CompletableFuture<RpcReply<T>> call(int rank, int target, Opcode opc, int mapVersion, MessageLite body,
      ByteBuf bulk, Parser<T> parser) {
    return call(rank, target, opc, mapVersion, body, bulk, parser, null);
  }

  /**
   * One RPC carrying {@code bulk} (null for none); the reply's bulk goes to {@code sink} while the reply is decoded
   * (the {@link RpcReply} then carries no bulk bytes), or, with a null sink, is copied into {@link RpcReply#bulk()}.
   */
  public <T> CompletableFuture<RpcReply<T>> call(int rank, int target, Opcode opc, int mapVersion, MessageLite body,
      ByteBuf bulk, Parser<T> parser, BulkSink<T> sink) {
    byte[] req = body.toByteArray();
    long out = bulk == null ? 0 : bulk.readableBytes();
    return Futures.of(() -> cart.call(uris.uri(rank), opc, target, mapVersion, Unpooled.wrappedBuffer(req), bulk,
        timeout)).thenApply(r -> {
          if (metrics != null) {
            metrics.replied(opc, java.nio.ByteBuffer.wrap(req), out, r.bulk().readableBytes());
          }
          return decode(r, parser, rank, opc, sink);
        });
  }

  private static <T> RpcReply<T> decode(CartReply r, Parser<T> parser, int rank, Opcode opc, BulkSink<T> sink) {
    try (r) {
      T body = parser.parseFrom(r.body().nioBuffer());
      if (sink != null) {
        sink.accept(body, r.bulk());
        return new RpcReply<>(body, r.status(), r.mapVersion(), NO_BYTES);
      }
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
