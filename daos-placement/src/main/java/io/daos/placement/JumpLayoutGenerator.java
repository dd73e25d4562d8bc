package io.daos.placement;

import io.daos.placement.object.ObjectId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Arrays;
import java.util.List;

/**
 * One layout computation ({@code get_object_layout} + {@code obj_remap_shards} + {@code determine_valid_spares},
 * layout version 2): place every shard group by group, queue shards whose target needs remapping, then give each a
 * fallback target chosen with the rebuild key.
 */
final class JumpLayoutGenerator {
  private final PoolMap m;
  private final TargetChooser chooser;
  private final ObjectId oid;
  private final int grpSize;
  private final int grpNr;
  private final Shard[] shards;
  private final List<FailedShard> remap = new ArrayList<>();
  /** {@code ol_shard_peers}: shards whose target state asks for a peer ({@link Remap#HAS_PEER}). */
  private int peers;

  JumpLayoutGenerator(PoolMap m, DomainLevel fdom, LayoutMode mode, ObjectId oid, int grpSize, int grpNr) {
    this.m = m;
    this.chooser = new TargetChooser(m, fdom, m.version(), mode);
    this.oid = oid;
    this.grpSize = grpSize;
    this.grpNr = grpNr;
    this.shards = new Shard[grpSize * grpNr];
  }

  Layout generate() {
    long key = Crc64.oidHash(oid);
    BitSet grpUsed = new BitSet();
    BitSet grpReal = new BitSet();
    for (int g = 0, k = 0; g < grpNr; g++) {
      boolean handedOff = false;
      for (int j = 0; j < grpSize; j++, k++) {
        TargetChooser.Choice c = chooser.choose(key, grpUsed, grpReal, k);
        MapComponent t = m.tgts[c.target()];
        int[] flags = {0};
        boolean moved = Remap.needRemap(t, m.version(), chooser.mode, flags);
        countPeer(flags[0]);
        if (moved) {
          shards[k] = shard(k, t, t.fseq(), 0);
          FailedShard.add(remap, new FailedShard(k, t, flags[0], grpUsed, grpReal));
          handedOff = true;
        } else {
          shards[k] = shard(k, t, t.fseq(), flags[0]);
          grpReal.set(c.domain());
        }
      }
      if (handedOff) {
        grpUsed = new BitSet();
        grpReal = new BitSet();
      } else {
        grpUsed.clear();
        grpReal.clear();
      }
    }
    remapShards();
    return new Layout(oid, m.version(), grpSize, grpNr, Arrays.asList(shards));
  }

  /** True when some shard asked for a peer: the CURRENT layout must be extended (see {@link Layout}). */
  boolean hasPeers() {
    return peers > 0;
  }

  private void countPeer(int flags) {
    if ((flags & Remap.HAS_PEER) != 0) {
      peers++;
    }
  }

  private void remapShards() {
    long rebuildKey = Crc64.jmCrc(oid.lo(), oid.hi(), Crc64.REBUILD_SALT);
    int budget = 4 * (m.targetCount() + shards.length) + 64;
    while (!remap.isEmpty()) {
      if (budget-- == 0) {
        throw new IllegalStateException("jump map: remapping " + oid + " did not converge on " + m);
      }
      FailedShard f = remap.get(0);
      TargetChooser.Choice c = chooser.choose(rebuildKey, f.grpUsed, f.grpReal, f.shard);
      if (resolve(m.tgts[c.target()], f)) {
        remap.remove(f);
        f.grpReal.set(c.domain());
      }
    }
  }

  /** {@code determine_valid_spares}: true when the shard is settled (placed on the spare, or left without one). */
  private boolean resolve(MapComponent spare, FailedShard f) {
    int before = f.flags[0];
    boolean moved = Remap.needRemap(spare, m.version(), chooser.mode, f.flags);
    countPeer(f.flags[0] & ~before);
    if (moved) {
      if (spare.fseq() > m.version()) {
        shards[f.shard] = Shard.NONE;
        return true;
      }
      if (spare.fseq() <= f.fseq) {
        return false;
      }
      f.fseq = spare.fseq();
      f.status = spare.state();
      remap.remove(f);
      FailedShard.add(remap, f);
      return false;
    }
    shards[f.shard] = shard(f.shard, spare, f.fseq, f.flags[0]);
    return true;
  }

  private static Shard shard(int k, MapComponent t, int fseq, int flags) {
    return new Shard(k, t.id(), t.rank(), t.index(), fseq, (flags & Remap.IS_REBUILDING) != 0,
        (flags & Remap.IS_REINTEGRATING) != 0);
  }
}
