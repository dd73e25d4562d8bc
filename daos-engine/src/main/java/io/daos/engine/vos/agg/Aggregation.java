package io.daos.engine.vos.agg;

/**
 * What one aggregation slice of a container did ({@link VosContainer#aggregate}), and where the next one resumes.
 * DAOS's {@code vos_aggregate} runs a container's pass in credits and yields between them; a slice here is one LMDB
 * transaction of at most a budget of records, so the target's thread serves I/O between slices.
 */
public final class Aggregation {
  private Aggregation() {
  }

  /**
   * Epochs at which a write to an object shard is not decided yet (a PREPARED DTX), ascending; such versions and
   * punches are kept and hide nothing, so an abort still finds what lies under them.
   */
  @FunctionalInterface
  public interface Uncertain {
    Uncertain NONE = oid -> new long[0];

    long[] epochs(io.daos.engine.vos.tree.VosObjectId oid);
  }

  /** Where a pass stopped: the object entry and, inside it, the dkey entry to resume at (index keys). */
  public record Anchor(byte[] objKey, byte[] dkeyKey) {
  }

  /** Counts of one slice. */
  public static final class Stats {
    /** Records (dkeys and value versions) looked at. */
    public long examined;
    /** Value versions (single values, extents, punches) removed. */
    public long versions;
    /** Bytes of value data those held. */
    public long bytes;
    /** Extents copied down to their visible parts. */
    public long split;
    /** Empty, invisible objects, dkeys and akeys removed. */
    public long entities;

    @Override
    public String toString() {
      return "examined=" + examined + " versions=" + versions + " bytes=" + bytes + " split=" + split
          + " entities=" + entities;
    }
  }

  /** A slice's outcome: its counts and the anchor of the next slice (null: the pass is complete). */
  public record Slice(Stats stats, Anchor next) {
    public boolean done() {
      return next == null;
    }
  }
}
