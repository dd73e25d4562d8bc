package io.daos.engine.vos;

/** {@code daos_recx_t}: {@code nr} records starting at index {@code idx}. */
public record Recx(long idx, long nr) {
  /** Exclusive end index. */
  public long end() {
    return idx + nr;
  }
}
