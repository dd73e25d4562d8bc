package io.daos.client.rpc;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where each engine rank listens ({@code ofi+tcp://ip:port}): from the agent's attach info or given explicitly. */
public final class RankUris {
  private final Map<Integer, String> uris = new ConcurrentHashMap<>();

  public void put(int rank, String uri) {
    uris.put(rank, uri);
  }

  /** Learns a URI (e.g. from a pool map) for a rank the client did not know. */
  public void learn(int rank, String uri) {
    if (uri != null && !uri.isEmpty()) {
      uris.putIfAbsent(rank, uri);
    }
  }

  String uri(int rank) {
    String u = uris.get(rank);
    if (u == null) {
      throw new DaosException(DaosStatus.UNREACH, "no URI known for rank " + rank
          + "; is the rank in the system's attach info (daos_agent)?");
    }
    return u;
  }

  public List<Integer> ranks() {
    return uris.keySet().stream().sorted().toList();
  }

  public boolean isEmpty() {
    return uris.isEmpty();
  }
}
