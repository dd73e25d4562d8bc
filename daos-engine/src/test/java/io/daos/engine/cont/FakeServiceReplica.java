package io.daos.engine.cont;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import io.daos.engine.pool.svc.PoolHandleInfo;
import io.daos.engine.pool.svc.ServiceReplica;
import io.daos.engine.rdb.InMemoryRdb;
import io.daos.engine.rdb.Rdb;
import io.daos.proto.pool.Prop;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A pool-service replica on an {@link InMemoryRdb} with scripted pool handles and pool properties. */
final class FakeServiceReplica implements ServiceReplica, AutoCloseable {
  static final UUID POOL = UUID.fromString("aaaaaaaa-0000-0000-0000-0000000000aa");

  final InMemoryRdb rdb = new InMemoryRdb(POOL, 0);
  final Map<UUID, PoolHandleInfo> handles = new ConcurrentHashMap<>();
  final Map<Integer, Prop> poolProps = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-psvc"));
  volatile int mapVersion = 3;

  /** Connects {@code user} (primary group {@code group}) with pool capabilities {@code capas}; returns the handle. */
  byte[] connect(String user, String group, long flags, long capas) {
    UUID h = UUID.randomUUID();
    handles.put(h, new PoolHandleInfo(h, flags, capas, user, group, List.of(), "host1"));
    return Uuids.toBytes(h);
  }

  @Override
  public UUID poolUuid() {
    return POOL;
  }

  @Override
  public Rdb rdb() {
    return rdb;
  }

  @Override
  public ExecutorService executor() {
    return executor;
  }

  @Override
  public int mapVersion() {
    return mapVersion;
  }

  @Override
  public List<Integer> replicas() {
    return List.of(0);
  }

  @Override
  public PoolHandleInfo poolHandle(byte[] hdl) {
    PoolHandleInfo h = handles.get(Uuids.fromBytes(hdl));
    if (h == null) {
      throw new DaosException(DaosStatus.NO_HDL, "no such pool handle");
    }
    return h;
  }

  @Override
  public Optional<Prop> poolProp(int type) {
    return Optional.ofNullable(poolProps.get(type));
  }

  @Override
  public void close() {
    executor.shutdownNow();
    rdb.close();
  }
}
