package io.daos.client.obj.ec;

import io.daos.client.obj.FetchedIod;
import io.daos.client.obj.Iod;
import io.daos.client.obj.IodType;
import io.daos.client.obj.Recx;
import com.google.protobuf.ByteString;
import io.daos.client.rpc.Futures;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.placement.ec.EcCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A fetch of one single value of an EC object: the share on data cell 0 (or, when its shard is lost, a parity
 * shard's) tells the value's size; a value kept on one shard is that share, a larger one is gathered from the other
 * shares and rebuilt where a share is lost ({@link EcSingleValue}).
 */
final class EcSingleFetch {
  private final EcGeometry g;
  private final EcCodec codec;
  private final EcShards shards;
  private final Iod iod;
  private final int flags;

  EcSingleFetch(EcGeometry g, EcCodec codec, EcShards shards, Iod iod, int flags) {
    this.g = g;
    this.codec = codec;
    this.shards = shards;
    this.iod = iod;
    this.flags = flags;
  }

  private io.daos.proto.obj.Iod any() {
    return io.daos.proto.obj.Iod.newBuilder().setAkey(ByteString.copyFrom(iod.akeyRef()))
        .setType(io.daos.proto.obj.IodType.IOD_SINGLE).setSize(0).build();
  }

  CompletableFuture<FetchedIod> run() {
    List<Integer> order = new ArrayList<>();
    order.add(0);
    for (int j = 0; j < g.p(); j++) {
      order.add(g.k() + j);
    }
    return first(order, 0).thenCompose(this::finish);
  }

  /** The first share among the cells of {@code order} whose shard answers; null when none holds a value. */
  private CompletableFuture<Share> first(List<Integer> order, int i) {
    if (i == order.size()) {
      return Futures.failed(DaosStatus.DATA_LOSS, "EC single value: data cell 0 and every parity shard are lost");
    }
    int cell = order.get(i);
    return shards.fetch(g.member(cell), any(), flags).thenCompose(r -> r == null ? first(order, i + 1)
        : CompletableFuture.completedFuture(new Share(cell, r.size() == 0 ? null : r.data())));
  }

  private record Share(int cell, byte[] bytes) {
  }

  private CompletableFuture<FetchedIod> finish(Share s) {
    if (s.bytes() == null) {
      return CompletableFuture.completedFuture(new FetchedIod(0, new byte[0], List.of()));
    }
    long size = EcSingleValue.sizeOf(s.bytes());
    checkBuffer(size);
    if (EcSingleValue.oneTarget(size, g.k())) {
      return CompletableFuture.completedFuture(found(EcSingleValue.whole(s.bytes())));
    }
    byte[][] shares = new byte[g.k() + g.p()][];
    shares[s.cell()] = s.bytes();
    List<CompletableFuture<Void>> fs = new ArrayList<>();
    for (int cell = 0; cell < g.k() + g.p(); cell++) {
      if (cell == s.cell()) {
        continue;
      }
      int c = cell;
      fs.add(shards.fetch(g.member(cell), any(), 0).thenAccept(r -> {
        if (r != null && r.size() != 0 && r.data().length == s.bytes().length
            && EcSingleValue.sizeOf(r.data()) == size) {
          shares[c] = r.data();
        }
      }));
    }
    return Futures.all(fs).thenApply(v -> found(EcSingleValue.decode(shares, size, codec)));
  }

  private void checkBuffer(long size) {
    if (iod.size() != 0 && size > iod.size()) {
      throw new DaosException(DaosStatus.REC2BIG, "value is " + size + " bytes, buffer " + iod.size());
    }
  }

  private static FetchedIod found(byte[] value) {
    return new FetchedIod(value.length, value, List.of(new Recx(0, 1)));
  }
}
