package io.daos.itest;

import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosKv;
import io.daos.client.DaosPool;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import java.nio.file.Path;

/** A client the test kills with kill -9: connects, prints "writing", then writes one 64 MiB value, repeatedly. */
public final class BulkWriterMain {
  private BulkWriterMain() {
  }

  public static void main(String[] args) {
    try (DaosClient client = DaosClient.builder().agentSocketDir(Path.of(args[0])).build();
         DaosPool pool = client.connectPool(args[1], DaosPool.RW);
         DaosContainer cont = pool.openContainer(args[2], DaosContainer.RW)) {
      DaosKv kv = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.SX, 0));
      byte[] big = new byte[64 << 20];
      System.out.println("writing");
      System.out.flush();
      for (int i = 0; ; i++) {
        kv.put("big-" + i, big);
      }
    }
  }
}
