package io.daos.engine.rebuild;

/** What a pull rebuilt: objects, records (value versions and extents) and bytes of value data. */
record Counts(long objs, long recs, long bytes) {
  static final Counts ZERO = new Counts(0, 0, 0);

  Counts plus(Counts o) {
    return new Counts(objs + o.objs, recs + o.recs, bytes + o.bytes);
  }
}
