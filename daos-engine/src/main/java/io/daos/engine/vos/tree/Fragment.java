package io.daos.engine.vos.tree;

import io.daos.engine.vos.store.ValueRef;

/** A visible piece [start, end) of an array extent written at {@code epoch} that began at {@code extStart}. */
public record Fragment(long start, long end, long epoch, long extStart, ValueRef ref) {
  public long nr() {
    return end - start;
  }
}
