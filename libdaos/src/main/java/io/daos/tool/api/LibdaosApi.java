package io.daos.tool.api;

import io.daos.client.DaosClient;
import io.daos.client.DaosPool;
import java.util.function.Function;

/** The real {@link DaosApi}: a libdaos client bootstrapped through the local daos_agent. */
public final class LibdaosApi implements DaosApi {
  private final String sysName;
  private final java.util.function.Supplier<DaosClient> clients;
  private DaosClient client;

  private LibdaosApi(String sysName) {
    this.sysName = sysName;
    this.clients = null;
  }

  private LibdaosApi(java.util.function.Supplier<DaosClient> clients) {
    this.sysName = null;
    this.clients = clients;
  }

  /**
   * A factory whose commands run on clients from {@code clients} (an application embedding the tool, a client
   * built for a given system); the system name argument is not used. Each command closes its client.
   */
  public static Function<String, DaosApi> factory(java.util.function.Supplier<DaosClient> clients) {
    return sys -> new LibdaosApi(clients);
  }

  /** The factory DaosMain uses: system name (or null for the default) to API. */
  public static Function<String, DaosApi> factory() {
    return LibdaosApi::new;
  }

  private DaosClient client() {
    if (client == null && clients != null) {
      client = clients.get();
    }
    if (client == null) {
      DaosClient.Builder b = DaosClient.builder();
      if (sysName != null && !sysName.isEmpty()) {
        b.systemName(sysName);
      }
      client = b.build();
    }
    return client;
  }

  @Override
  public PoolApi connectPool(String poolId, int flags) {
    DaosPool pool = client().connectPool(poolId, flags);
    return new LibdaosPool(pool, poolId);
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}
