package io.daos.engine.vos.tree;

/** {@code daos_iod_type_t}, with DAOS's numbers. */
public enum IodType {
  NONE(0), SINGLE(1), ARRAY(2);

  private final int value;

  IodType(int value) {
    this.value = value;
  }

  public int value() {
    return value;
  }

  static IodType of(int v) {
    for (IodType t : values()) {
      if (t.value == v) {
        return t;
      }
    }
    throw new IllegalArgumentException("iod type " + v);
  }
}
