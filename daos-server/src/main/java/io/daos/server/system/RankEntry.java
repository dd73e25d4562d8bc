package io.daos.server.system;

import java.util.List;

/** One rank's entry in the CaRT group map sent to engines. */
public record RankEntry(String primaryUri, int numPrimaryCtxs, List<String> secondaryUris,
    List<Integer> numSecondaryCtxs, long incarnation) {
  public RankEntry {
    secondaryUris = List.copyOf(secondaryUris);
    numSecondaryCtxs = List.copyOf(numSecondaryCtxs);
  }
}
