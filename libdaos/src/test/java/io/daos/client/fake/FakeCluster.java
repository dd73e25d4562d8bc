package io.daos.client.fake;

import io.daos.cart.CartTransport;
import io.daos.cart.Opcode;
import io.daos.cart.transport.CartTransports;
import io.daos.client.DaosClient;
import io.daos.client.RetryPolicy;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.proto.obj.ObjTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake jdaos system for libdaos tests: {@code ranks} fake engines with {@code targets} targets each on one
 * in-memory CART-J network, one pool (label "pool1") whose service replicas and leader are configurable, the
 * container service, and object stores per target. Faults can be injected per rank; RPCs are counted.
 */
public final class FakeCluster implements AutoCloseable {
  private final CartTransport transport = CartTransports.inMemory();
  private final FakePoolService service;
  private final List<FakeEngine> engines = new ArrayList<>();
  private final Map<Integer, DaosStatus> objFaults = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  public FakeCluster(int ranks, int targets, List<Integer> svcReplicas, int leader) {
    this.service = new FakePoolService(this, ranks, targets, svcReplicas, leader);
    for (int r = 0; r < ranks; r++) {
      engines.add(new FakeEngine(this, transport, r, targets));
    }
  }

  /** A client builder wired to this cluster (explicit rank URIs, in-memory transport, fast retries). */
  public DaosClient.Builder clientBuilder() {
    DaosClient.Builder b = DaosClient.builder().transport(transport).seed(42)
        .retryPolicy(new RetryPolicy(8, Duration.ofMillis(1), Duration.ofMillis(5)))
        .rpcTimeout(Duration.ofSeconds(10));
    engines.forEach(e -> b.rankUri(e.rank(), e.uri()));
    return b;
  }

  /** The in-memory CART-J network the engines listen on. */
  public CartTransport transport() {
    return transport;
  }

  public String uri(int rank) {
    return engines.get(rank).uri();
  }

  public FakePoolService service() {
    return service;
  }

  public FakeObjStore store(int rank, int target) {
    return engines.get(rank).store(target);
  }

  /** Object RPCs to {@code rank} fail with {@code st} (null clears). */
  public void failObjects(int rank, DaosStatus st) {
    if (st == null) {
      objFaults.remove(rank);
    } else {
      objFaults.put(rank, st);
    }
  }

  /** Stops {@code rank}'s engine: its RPCs fail DER_UNREACH. */
  public void stop(int rank) {
    engines.get(rank).close();
  }

  DaosStatus objFault(int rank) {
    return objFaults.get(rank);
  }

  void record(int rank, int target, Opcode opc) {
    calls.computeIfAbsent(rank + "/" + target + "/" + opc.code(), k -> new AtomicInteger()).incrementAndGet();
    calls.computeIfAbsent(rank + "/*/" + opc.code(), k -> new AtomicInteger()).incrementAndGet();
  }

  /** RPCs of {@code opc} that reached {@code rank} (any target). */
  public int calls(int rank, Opcode opc) {
    AtomicInteger n = calls.get(rank + "/*/" + opc.code());
    return n == null ? 0 : n.get();
  }

  public int mapVersion() {
    return service.mapVersion();
  }

  /** Engines refuse object RPCs whose container handle the service does not know (DER_NO_HDL). */
  void checkHandle(ObjTarget t) {
    if (t.getShard() < 0 || !service.isOpenHandle(t.getContHdl())) {
      throw new DaosException(DaosStatus.NO_HDL, "unknown container handle");
    }
  }

  @Override
  public void close() {
    engines.forEach(FakeEngine::close);
  }
}
