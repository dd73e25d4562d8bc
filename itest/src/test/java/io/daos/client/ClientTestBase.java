package io.daos.client;

import io.daos.client.cont.ContainerProps;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import io.daos.itest.SharedClusters;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A system of 4 ranks (one engine per server) × 2 targets running in this JVM, a pool "pool1" of 1 GiB SCM with
 * three service replicas, connected, and an open container "cont1": what DAOS's suite gets from {@code test_setup}.
 * The cluster is shared by the test classes; the pool is each test's own.
 */
@ExtendWith(SharedClusters.class)
abstract class ClientTestBase {
  static final int RANKS = 4;
  static final int TARGETS = 2;
  static final SharedClusters.Shape SHAPE = new SharedClusters.Shape(RANKS, 1, TARGETS);

  TestSystem cluster;
  DaosClient client;
  DaosPool pool;
  DaosContainer cont;

  @BeforeEach
  void setUpSystem() {
    cluster = new TestSystem(SharedClusters.get(SHAPE), "pool1", (1L << 30) / RANKS, 3);
    client = cluster.clientBuilder().build();
    pool = client.connectPool("pool1", PoolRpc.PC_RW);
    pool.createContainer(ContainerProps.empty().withLabel("cont1"));
    cont = pool.openContainer("cont1", ContRpc.COO_RW);
    cluster.useContainer(cont.uuid());
  }

  @AfterEach
  void tearDownSystem() {
    client.close();
    cluster.close();
  }

  /**
   * A second open container with {@code rd_fac} 0, as DAOS's suite creates for class checks: without it a container
   * inherits the pool's rd_fac (DAOS_PROP_PO_REDUN_FAC_DEFAULT 3, clamped to 3 on these 4 domains).
   */
  DaosContainer openRf0Container(String label) {
    pool.createContainer(ContainerProps.empty().withLabel(label).withRedundancyFactor(0));
    return pool.openContainer(label, ContRpc.COO_RW);
  }

  ObjectId oid(ObjectType type, ObjectClass oc) {
    return cont.generateOid(type, oc, 0);
  }

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }
}
