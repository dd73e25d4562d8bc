package io.daos.client;

import io.daos.common.DaosException;
import io.daos.common.DaosStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where each engine rank listens ({@code ofi+tcp://ip:port}): from the agent's attach info or given explicitly. */
final class RankUris {
  private final Map<Integer, String> uris = new ConcurrentHashMap<>();

  void put(int rank, String uri) {
    uris.put(rank, uri);
  }

  /** Learns a URI (e.g. from a pool map) for a rank the client did not know. */
  void learn(int rank, String uri) {
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

  List<Integer> ranks() {
    return uris.keySet().stream().sorted().toList();
  }

  boolean isEmpty() {
    return uris.isEmpty();
  }
}
