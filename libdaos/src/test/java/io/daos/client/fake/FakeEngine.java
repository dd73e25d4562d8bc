package io.daos.client.fake;

import io.daos.cart.CartServer;
import io.daos.cart.CartTransport;
import io.daos.common.status.DaosStatus;
import io.daos.proto.pool.PoolFindReply;
import io.daos.proto.pool.PoolFindReq;
import io.daos.rpc.MgmtRpc;
import java.util.ArrayList;
import java.util.List;

/** One fake engine rank: a CART-J server on the in-memory transport with an object store per target. */
final class FakeEngine implements AutoCloseable {
  private final FakeCluster cluster;
  private final int rank;
  private final List<FakeObjStore> stores = new ArrayList<>();
  private final CartServer server;

  FakeEngine(FakeCluster cluster, CartTransport transport, int rank, int targets) {
    this.cluster = cluster;
    this.rank = rank;
    for (int i = 0; i < targets; i++) {
      stores.add(new FakeObjStore());
    }
    this.server = CartServer.builder().transport(transport).uri("ofi+tcp://10.0.0." + (rank + 1) + ":31416")
        .name("fake engine rank " + rank).targets(targets).ioThreads(1).build();
    new FakeObjHandlers(this).registerOn(server);
    cluster.service().registerOn(server, rank);
    server.register(MgmtRpc.POOL_FIND, (req, reply) -> {
      PoolFindReq r = PoolFindReq.parseFrom(req.body().nioBuffer());
      reply.ok(0, cluster.service().find(r).toByteArray());
    });
    server.start();
  }

  static PoolFindReply notFound() {
    return PoolFindReply.newBuilder().setStatus(DaosStatus.NONEXIST.code()).build();
  }

  FakeCluster cluster() {
    return cluster;
  }

  int rank() {
    return rank;
  }

  FakeObjStore store(int target) {
    return stores.get(target);
  }

  String uri() {
    return server.uri();
  }

  @Override
  public void close() {
    server.close();
  }
}
