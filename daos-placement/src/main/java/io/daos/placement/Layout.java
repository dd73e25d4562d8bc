package io.daos.placement;

import io.daos.placement.object.DkeyHash;
import io.daos.placement.object.ObjectId;
import java.util.List;

/**
 * An object layout ({@code struct pl_obj_layout}): {@code groups × groupSize} shards, group by group.
 *
 * @param oid the object
 * @param version pool map version the layout was computed for
 * @param groupSize shards per redundancy group
 * @param groups number of redundancy groups
 * @param shards all shards, index = shard number
 */
public record Layout(ObjectId oid, int version, int groupSize, int groups, List<Shard> shards) {
  public Layout {
    shards = List.copyOf(shards);
  }

  /** The shards of redundancy group {@code g}. */
  public List<Shard> group(int g) {
    if (g < 0 || g >= groups) {
      throw new IllegalArgumentException("group " + g + " out of range 0.." + (groups - 1));
    }
    return shards.subList(g * groupSize, (g + 1) * groupSize);
  }

  /** The redundancy group holding {@code dkey} ({@code obj_dkey2grpidx}). */
  public int groupOf(byte[] dkey) {
    return DkeyHash.group(DkeyHash.hash(oid, dkey), groups);
  }

  /** The shard with index {@code k}. */
  public Shard shard(int k) {
    return shards.get(k);
  }
}
