package io.daos.client.example;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.daos.client.DaosArray;
import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosKv;
import io.daos.client.DaosPool;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.client.cont.ContainerProps;
import io.daos.client.cont.PropType;

/** The example program of docs/libdaos.md: connect, create a container, KV put/get, array write/read. */
public final class LibdaosExample {
  private LibdaosExample() {
  }

  public static void main(String[] args) {
    String poolLabel = args.length > 0 ? args[0] : "pool1";
    try (DaosClient client = DaosClient.builder().build()) {   // asks daos_agent for rank URIs and a credential
      System.out.println(run(client, poolLabel, "example"));
    }
  }

  /** Returns what it read back: "hello from libdaos / bytes". */
  public static String run(DaosClient client, String poolLabel, String contLabel) {
    try (DaosPool pool = client.connectPool(poolLabel, DaosPool.RW)) {
      pool.createContainer(ContainerProps.empty().withLabel(contLabel).withLayoutType(PropType.LAYOUT_DATABASE));
      try (DaosContainer cont = pool.openContainer(contLabel, DaosContainer.RW)) {
        // A KV: the key is the dkey, the value a single value under akey '0'.
        DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.SX, 0));
        kv.put("greeting", "hello from libdaos".getBytes(UTF_8));
        String greeting = new String(kv.get("greeting"), UTF_8);

        // An array of 1-byte cells in 1 MiB chunks; the class is chosen from the container's rd_fac.
        DaosArray array = cont.createArray(cont.generateOid(ObjectType.ARRAY, null, 0), 1, 1 << 20);
        array.write(1000, "bytes".getBytes(UTF_8));
        String back = new String(array.read(1000, 5), UTF_8);
        long size = array.getSize();                          // 1005: cells up to the last one written

        // Every call also has an async form returning a CompletableFuture.
        kv.putAsync("size".getBytes(UTF_8), Long.toString(size).getBytes(UTF_8)).join();
        return greeting + " / " + back;
      }
    }
  }
}
