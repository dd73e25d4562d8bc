package io.daos.engine.vos;

/** A visible piece [start, end) of an array extent written at {@code epoch} that began at {@code extStart}. */
record Fragment(long start, long end, long epoch, long extStart, ValueRef ref) {
  long nr() {
    return end - start;
  }
}
