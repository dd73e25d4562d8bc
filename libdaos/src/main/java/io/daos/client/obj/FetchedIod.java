package io.daos.client.obj;

import java.util.List;

/**
 * What a fetch returned for one iod: the record size found ({@code iod_size}, 0 when nothing is visible), the bytes
 * (single value, or all requested array records back to back with holes as zeros; empty for a size query or when
 * nothing is visible) and the visible extents ({@code daos_iom_t}).
 */
public record FetchedIod(long size, byte[] data, List<Recx> extents) {
  public FetchedIod {
    extents = List.copyOf(extents);
  }

  /** True when nothing was visible (a DAOS fetch with size 0 back). */
  public boolean isEmpty() {
    return size == 0;
  }
}
