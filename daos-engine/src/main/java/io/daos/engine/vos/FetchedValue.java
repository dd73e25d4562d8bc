package io.daos.engine.vos;

import java.util.List;

/**
 * What fetch returns for one iod: the record size ({@code iod_size}; 0 when nothing is visible, as DAOS reports
 * it), the data (single value bytes, or for arrays {@code sum(nr) * recordSize} bytes with holes as zeros; empty
 * when the size is 0) and the visible, non-hole extents inside the requested ranges (like {@code daos_iom_t}).
 */
public record FetchedValue(long recordSize, byte[] data, List<Recx> extents) {
  public FetchedValue {
    extents = List.copyOf(extents);
  }

  static FetchedValue absent() {
    return new FetchedValue(0, new byte[0], List.of());
  }

  /** True if nothing was visible. */
  public boolean isEmpty() {
    return recordSize == 0;
  }
}
