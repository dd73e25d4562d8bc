package io.daos.client.obj;

/**
 * {@code daos_recx_t}: {@code count} consecutive records starting at record {@code index}.
 *
 * @param index first record
 * @param count number of records (at least 1)
 */
public record Recx(long index, long count) {
  public Recx {
    if (index < 0 || count < 1) {
      throw new IllegalArgumentException("recx needs index >= 0 and count >= 1, got [" + index + ", " + count + ")");
    }
  }

  /** One past the last record. */
  public long end() {
    return index + count;
  }
}
