package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.client.DaosArray;
import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosKv;
import io.daos.client.DaosPool;
import io.daos.client.cont.ContainerProps;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.proto.mgmt.SystemMember;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 3 daos_servers × 2 engines in this JVM: a pool created over the control API, a KV and an array written and read
 * through libdaos, then one engine killed: the system shows its rank no longer joined.
 */
class InProcessClusterTest {
  @TempDir
  Path dir;

  @Test
  @Timeout(300)
  void threeServersTwoEnginesEach() throws Exception {
    long t0 = System.nanoTime();
    try (InProcessCluster cluster = MiniDaosCluster.builder(dir).inProcess().servers(3).engines(2).replicas(3)
        .start()) {
      cluster.waitForReady();
      System.out.printf("in-process 3x2 cluster ready after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      cluster.createPool("tank", 12L << 30, 3);
      try (DaosClient client = cluster.newDaosClient()) {
        DaosPool pool = client.connectPool("tank", PoolRpc.PC_RW);
        pool.createContainer(ContainerProps.empty().withLabel("c1"));
        DaosContainer cont = pool.openContainer("c1", ContRpc.COO_RW);
        DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_2G1, 0));
        kv.put("k", "v".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("v".getBytes(StandardCharsets.UTF_8), kv.get("k"));
        DaosArray arr = cont.createArray(cont.generateOid(ObjectType.ARRAY, ObjectClass.SX, 0), 1, 4096);
        byte[] data = new byte[10_000];
        new java.util.Random(1).nextBytes(data);
        arr.write(0, data);
        assertArrayEquals(data, arr.read(0, data.length));
        assertEquals(data.length, arr.getSize());
      }
      cluster.killEngine(5);
      Poll.until("rank 5 not joined", Duration.ofSeconds(60), () -> {
        Map<Integer, String> states = cluster.systemQuery().getMembersList().stream()
            .collect(Collectors.toMap(SystemMember::getRank, SystemMember::getState));
        return states.size() == 6 && !"joined".equals(states.get(5));
      }, () -> cluster.systemQuery() + "\n" + cluster.logs());
    }
  }
}
