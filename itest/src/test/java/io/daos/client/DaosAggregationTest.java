package io.daos.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.client.cont.ContainerProps;
import io.daos.client.pool.PoolInfo;
import io.daos.itest.SharedClusters;
import io.daos.itest.TestLocks;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Space that comes back (issue 12): overwrites in a pool a few times their working set never fill it, because a
 * target that finds itself full aggregates away what no read point sees before it answers DER_NOSPACE; a destroyed
 * container's space shows as free again in the pool query. On the shared in-process cluster, with a pool of its own.
 */
@ResourceLock(TestLocks.IN_PROCESS)
class DaosAggregationTest extends ClientTestBase {
  /** 32 MiB of SCM per rank (DAOS's minimum of 16 MiB per target): 128 MiB over 8 targets. */
  private static final long SCM_PER_RANK = 32L << 20;
  private static final int ROUNDS = 160;
  private static final int VALUE = 64 * 1024;
  private static final int KEYS = 16;

  private TestSystem small;
  private DaosClient smallClient;
  private DaosPool smallPool;

  @BeforeEach
  void smallPool() {
    small = new TestSystem(SharedClusters.get(SHAPE), "aggpool", SCM_PER_RANK, 3);
    smallClient = small.clientBuilder().build();
    smallPool = smallClient.connectPool("aggpool", PoolRpc.PC_RW);
  }

  @AfterEach
  void dropSmallPool() {
    smallClient.close();
    small.close();
  }

  private long free() {
    PoolInfo q = smallPool.query();
    return q.tiers().get(0).free();
  }

  @Test
  void overwrites_never_fill_the_pool() {
    smallPool.createContainer(ContainerProps.empty().withLabel("c"));
    DaosContainer c = smallPool.openContainer("c", ContRpc.COO_RW);
    DaosKv kv = c.openKv(c.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_2G1, 0));
    long written = 0;
    byte[] last = null;
    for (int round = 0; round < ROUNDS; round++) {
      for (int k = 0; k < KEYS; k++) {
        last = random(VALUE, round * 1000L + k);
        kv.put("key" + k, last);
        written += 2L * VALUE;
      }
    }
    long total = smallPool.query().tiers().get(0).total();
    assertTrue(written > 2 * total, "wrote " + written + " B (2 replicas) into a pool of " + total + " B");
    assertArrayEquals(last, kv.get("key" + (KEYS - 1)));
    for (int k = 0; k < KEYS; k++) {
      assertArrayEquals(random(VALUE, (ROUNDS - 1) * 1000L + k), kv.get("key" + k), "key" + k + " reads its last value");
    }
  }

  @Test
  void destroyed_container_space_is_free_again() {
    long before = free();
    smallPool.createContainer(ContainerProps.empty().withLabel("d"));
    DaosContainer c = smallPool.openContainer("d", ContRpc.COO_RW);
    DaosKv kv = c.openKv(c.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_2G1, 0));
    for (int k = 0; k < 64; k++) {
      kv.put("key" + k, random(VALUE, k));
    }
    long used = before - free();
    assertTrue(used >= 64L * 2 * VALUE, "two replicas of 4 MiB take space: " + used + " B");
    c.close();
    smallPool.destroyContainer("d", false);
    long after = free();
    assertTrue(before - after < 256 * 1024, "after the destroy " + after + " B are free, " + before + " B before");
  }
}
