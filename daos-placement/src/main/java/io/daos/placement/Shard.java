package io.daos.placement;

/**
 * One shard of an object layout ({@code struct pl_obj_shard}).
 *
 * @param shard shard index ({@code group × groupSize + member}), -1 when no target could be found
 * @param target pool-wide target id, -1 when none
 * @param rank engine rank of the target
 * @param index target index within the engine
 * @param fseq failure sequence recorded for the shard
 * @param rebuilding the shard is being rebuilt: written, not read ({@code po_rebuilding})
 * @param reintegrating the shard's target is being reintegrated ({@code po_reintegrating})
 */
public record Shard(int shard, int target, int rank, int index, int fseq, boolean rebuilding,
                    boolean reintegrating) {
  static final Shard NONE = new Shard(-1, -1, -1, -1, 0, false, false);

  /** True when the shard has a target. */
  public boolean placed() {
    return target >= 0;
  }
}
