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

  /** {@code in} sorted by index with overlapping and adjacent extents joined (DAOS merge_recx). */
  public static java.util.List<Recx> coalesce(java.util.List<Recx> in) {
    java.util.List<Recx> sorted = new java.util.ArrayList<>(in);
    sorted.sort(java.util.Comparator.comparingLong(Recx::index));
    java.util.List<Recx> out = new java.util.ArrayList<>();
    for (Recx r : sorted) {
      Recx last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && r.index() <= last.end()) {
        out.set(out.size() - 1, new Recx(last.index(), Math.max(last.end(), r.end()) - last.index()));
      } else {
        out.add(r);
      }
    }
    return out;
  }
}
