package io.daos.engine.cont;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.rpc.PoolRpc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.common.Hlc;
import io.daos.proto.pool.Prop;
import io.daos.rpc.ContRpc;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/** A container service on a fake replica, with an owner ("alice", group "staff") connected read-write. */
abstract class ContTestSupport {
  static final long ALL_POOL_CAPAS = PoolRpc.CAPA_READ | PoolRpc.CAPA_CREATE_CONT | PoolRpc.CAPA_DEL_CONT;

  FakeServiceReplica replica;
  ContainerService svc;
  byte[] alice;
  final List<UUID> destroyedOnTargets = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** The handles the service told the targets are closed, in order. */
  final List<UUID> invalidatedOnTargets = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void startService() {
    replica = new FakeServiceReplica();
    svc = new ContainerService(replica, new TargetDestroyer() {
      @Override
      public void destroy(UUID pool, UUID cont) {
        destroyedOnTargets.add(cont);
      }

      @Override
      public void invalidateHandles(UUID pool, java.util.Collection<UUID> handles) {
        invalidatedOnTargets.addAll(handles);
      }
    }, Hlc.system());
    alice = replica.connect("alice", "staff", 2, ALL_POOL_CAPAS);
  }

  @AfterEach
  void stopService() {
    replica.close();
  }

  static void assertStatus(DaosStatus want, Executable e) {
    DaosException ex = assertThrows(DaosException.class, e);
    assertEquals(want, ex.status(), ex.getMessage());
  }

  UUID create(String label) {
    UUID c = UUID.randomUUID();
    svc.create(alice, c, label == null ? List.of() : List.of(ContPropRules.str(ContProps.CO_LABEL, label)));
    return c;
  }

  UUID open(byte[] poolHdl, UUID cont, long flags) {
    UUID h = UUID.randomUUID();
    svc.open(poolHdl, cont, null, h, flags);
    return h;
  }

  UUID openRw(UUID cont) {
    return open(alice, cont, ContRpc.COO_RW);
  }

  static Prop num(int type, long v) {
    return ContPropRules.num(type, v);
  }
}
