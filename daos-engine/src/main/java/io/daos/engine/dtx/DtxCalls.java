package io.daos.engine.dtx;

import com.google.protobuf.MessageLite;
import io.daos.cart.CartClient;
import io.daos.cart.CartReply;
import io.daos.cart.Opcode;
import io.daos.common.Futures;
import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.obj.DtxReply;
import io.daos.proto.obj.DtxReq;
import io.daos.proto.obj.DtxState;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/** The RPCs one engine's DTX logic sends to other engines' targets, and the helpers around them. */
final class DtxCalls {
  private final CartClient client;
  private final IntFunction<Optional<String>> rankUri;
  private final Duration timeout;

  DtxCalls(CartClient client, IntFunction<Optional<String>> rankUri, Duration timeout) {
    this.client = client;
    this.rankUri = rankUri;
    this.timeout = timeout;
  }

  /** One RPC to {@code rank}'s target {@code tgt}; a non-zero reply status fails the future with it. */
  CompletableFuture<CartReply> call(int rank, int tgt, Opcode opc, MessageLite body, ByteBuf bulk) {
    Optional<String> uri = rankUri.apply(rank);
    if (uri.isEmpty()) {
      if (bulk != null) {
        bulk.release();
      }
      return CompletableFuture.failedFuture(new DaosException(DaosStatus.UNREACH, "rank " + rank
          + " has no known address"));
    }
    return client.call(uri.get(), opc, tgt, 0, Unpooled.wrappedBuffer(body.toByteArray()), bulk, timeout)
        .thenApply(r -> {
          if (r.status() != 0) {
            int st = r.status();
            r.close();
            throw new DaosException(DaosStatus.fromCode(st), opc + " to rank " + rank + " target " + tgt);
          }
          return r;
        });
  }

  /** A DTX_COMMIT / ABORT / CHECK / REFRESH body naming {@code ids} of container {@code cont}. */
  static DtxReq req(UUID pool, UUID cont, long epoch, List<DtxId> ids) {
    DtxReq.Builder b = DtxReq.newBuilder().setPoolUuid(Uuids.toByteString(pool)).setContUuid(Uuids.toByteString(cont))
        .setEpoch(epoch);
    ids.forEach(i -> b.addDtxArray(i.toProto()));
    return b.build();
  }

  /** The state a DTX_CHECK / REFRESH reply gives its first DTX (UNKNOWN when it gives none). */
  static DtxState firstState(CartReply r) {
    try (r) {
      DtxReply d = DtxReply.parseFrom(r.body().nioBuffer());
      return d.getSubStatesCount() == 0 ? DtxState.DTX_ST_UNKNOWN : d.getSubStates(0);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new DaosException(DaosStatus.PROTO, "bad DTX reply: " + e.getMessage());
    }
  }

  /** Completes once every future has; fails with the first failure in list order, else gives the results. */
  static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> fs) {
    return CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).handle((v, e) -> {
      List<T> out = new ArrayList<>(fs.size());
      for (CompletableFuture<T> f : fs) {
        if (f.isCompletedExceptionally()) {
          f.join();
        }
        out.add(f.join());
      }
      return out;
    });
  }

  static DaosException asDaos(Throwable err) {
    Throwable c = Futures.cause(err);
    return c instanceof DaosException d ? d : new DaosException(DaosStatus.MISC, c.toString(), c);
  }
}
