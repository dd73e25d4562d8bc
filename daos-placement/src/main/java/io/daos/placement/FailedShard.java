package io.daos.placement;

import java.util.BitSet;
import java.util.List;

/** {@code struct failed_shard}: a shard waiting for a fallback target, with its group's domain bits. */
final class FailedShard {
  final int shard;
  int fseq;
  TargetState status;
  final int[] flags = new int[1];
  final BitSet grpUsed;
  final BitSet grpReal;

  FailedShard(int shard, MapComponent target, int flags, BitSet grpUsed, BitSet grpReal) {
    this.shard = shard;
    this.fseq = target.fseq();
    this.status = target.state();
    this.flags[0] = flags;
    this.grpUsed = grpUsed;
    this.grpReal = grpReal;
  }

  /** {@code remap_add_one}: keep the list ordered by failure sequence, then shard index. */
  static void add(List<FailedShard> list, FailedShard f) {
    for (int i = 0; i < list.size(); i++) {
      FailedShard cur = list.get(i);
      if (f.fseq > cur.fseq || (f.fseq == cur.fseq && f.shard > cur.shard)) {
        continue;
      }
      list.add(i, f);
      return;
    }
    list.add(f);
  }
}
