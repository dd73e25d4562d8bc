package io.daos.client;

import io.daos.client.fake.FakeCluster;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fake system of 4 ranks (one node each) × 2 targets, pool service replicas on ranks 0–2 with rank 0 leading, a
 * connected pool and an open container: what DAOS's suite gets from {@code test_setup}.
 */
abstract class ClientTestBase {
  static final int RANKS = 4;
  static final int TARGETS = 2;

  FakeCluster cluster;
  DaosClient client;
  DaosPool pool;
  DaosContainer cont;

  @BeforeEach
  void setUpSystem() {
    cluster = new FakeCluster(RANKS, TARGETS, List.of(0, 1, 2), 0);
    client = cluster.clientBuilder().build();
    pool = client.connectPool("pool1", PoolRpc.PC_RW);
    pool.createContainer(ContainerProps.empty().withLabel("cont1"));
    cont = pool.openContainer("cont1", ContRpc.COO_RW);
  }

  @AfterEach
  void tearDownSystem() {
    client.close();
    cluster.close();
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
