package io.daos.engine.vos;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * What fetch returns for one iod: the record size ({@code iod_size}; 0 when nothing is visible, as DAOS reports
 * it), the data (single value bytes, or for arrays {@code sum(nr) * recordSize} bytes with holes as zeros; empty
 * when the size is 0) and the visible, non-hole extents inside the requested ranges (like {@code daos_iom_t}).
 * <p>With {@link VosContainer#fetchInto} the data may instead be in {@code buffer} (positions 0 to its limit), a
 * buffer the caller supplied or, with a {@link ViewSink}, the read-only buffer of a blob view the sink adopted;
 * {@code data} is then empty.
 */
public record FetchedValue(long recordSize, byte[] data, List<Recx> extents, ByteBuffer buffer) {
  private static final byte[] NONE = new byte[0];

  public FetchedValue {
    extents = List.copyOf(extents);
  }

  public FetchedValue(long recordSize, byte[] data, List<Recx> extents) {
    this(recordSize, data, extents, null);
  }

  static FetchedValue inBuffer(long recordSize, ByteBuffer buffer, List<Recx> extents) {
    return new FetchedValue(recordSize, NONE, extents, buffer);
  }

  static FetchedValue absent() {
    return new FetchedValue(0, NONE, List.of());
  }

  /** True if nothing was visible. */
  public boolean isEmpty() {
    return recordSize == 0;
  }

  /** Bytes of data, wherever they are. */
  public int length() {
    return buffer != null ? buffer.limit() : data.length;
  }
}
