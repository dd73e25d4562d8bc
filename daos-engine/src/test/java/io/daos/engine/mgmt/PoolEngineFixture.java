package io.daos.engine.mgmt;

import io.daos.cart.CartClient;
import io.daos.cart.CartServer;
import io.daos.cart.CartTransport;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.pool.TargetXstreams;
import io.daos.engine.pool.TgtQueryHandler;
import io.daos.engine.pool.svc.CartSpaceQuery;
import io.daos.engine.pool.svc.DrpcCredentialValidator;
import io.daos.engine.pool.svc.PoolRpcHandlers;
import io.daos.engine.pool.svc.PoolServices;
import io.daos.engine.vos.store.VosOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * One engine's pool side wired as {@link io.daos.engine.DaosEngine} wires it, on a CART-J network shared with the
 * other engines of a test: its targets, a CART-J server with the pool RPC handlers (pool service RPCs,
 * POOL_TGT_QUERY, MGMT_TGT_CREATE/DESTROY, RSVC_START), and the pool dRPC handlers with their CART-J client, called
 * through {@link #drpc}. The group map is {@code uris}, which the engine joins once its server listens.
 */
final class PoolEngineFixture implements AutoCloseable {
  /** CRT_TIMEOUT of the engine-to-engine RPCs. */
  static final Duration RPC_TIMEOUT = Duration.ofSeconds(5);

  final TargetXstreams xs;
  final PoolTargets pools;
  final PoolServices services;
  final DrpcClient drpc;
  private final ExecutorService serviceIo = Executors.newCachedThreadPool();
  private final CartClient client;
  private final CartServer server;

  /** Rank {@code rank} with {@code targets} targets under {@code scm}, hosting the replicas in {@code services}. */
  PoolEngineFixture(CartTransport net, Map<Integer, String> uris, int rank, Path scm, int targets, VosOptions opts,
      PoolServices services) {
    String name = "engine " + rank;
    EngineState state = new EngineState();
    state.setRank(rank, 1);
    this.services = services;
    xs = new TargetXstreams("r" + rank, targets);
    pools = new PoolTargets(scm, xs, opts);
    pools.reopenExisting();
    IntFunction<Optional<String>> rankUri = r -> Optional.ofNullable(uris.get(r));
    client = CartClient.builder().transport(net).name(name + " psvc").build();
    PoolDrpcHandlers handlers = new PoolDrpcHandlers(name, state, pools, services, client, rankUri, RPC_TIMEOUT);
    drpc = DrpcClient.direct(handlers.registerOn(new DrpcRegistry()));
    server = CartServer.builder().transport(net).uri("ofi+tcp://127.0.0.1:0").name(name).targets(targets)
        .targetExecutor(xs::executor).build();
    new PoolRpcHandlers(services, new DrpcCredentialValidator(() -> null),
        new CartSpaceQuery(client, rankUri, RPC_TIMEOUT)).registerOn(server);
    new TgtQueryHandler(pools, serviceIo).registerOn(server);
    new PoolTgtHandlers(handlers.local(), serviceIo).registerOn(server);
    server.start();
    uris.put(rank, server.uri());
  }

  /** Stops in the engine's order: service replicas, the CART-J server and client, then the targets. */
  @Override
  public void close() {
    services.close();
    server.close();
    client.close();
    serviceIo.shutdownNow();
    pools.close();
    xs.close();
  }
}
