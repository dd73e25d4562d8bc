package io.daos.engine.vos;

/**
 * One version in an object's history as {@link VosContainer#history} returns it: a punch of the object, a dkey or an
 * akey, a single value or an array extent written at {@code epoch}. Keys are in the caller's form. For
 * {@link Kind#SINGLE} {@code data} is the value; for {@link Kind#ARRAY} the {@code nr} records from {@code start}
 * ({@code recordSize} bytes each). {@code hole} marks a punched value or extent (no data). Replaying every version
 * at its epoch rebuilds the object as it is visible at every epoch (what rebuild's pull does).
 */
public record VersionRecord(Kind kind, long epoch, byte[] dkey, byte[] akey, long recordSize, long start, long nr,
                            byte[] data, boolean hole) {
  /** What the version is. */
  public enum Kind {
    OBJ_PUNCH,
    DKEY_PUNCH,
    AKEY_PUNCH,
    SINGLE,
    ARRAY
  }

  /** Bytes of value data this version carries. */
  public int size() {
    return data == null ? 0 : data.length;
  }
}
