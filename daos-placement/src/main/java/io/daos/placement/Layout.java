package io.daos.placement;

import io.daos.placement.object.DkeyHash;
import io.daos.placement.object.ObjectId;
import java.util.List;

/**
 * An object layout ({@code struct pl_obj_layout}): {@code groups × groupSize} shards, group by group, plus the peer
 * shards of an extended layout.
 *
 * <p>While a pool map change moves shards (a target UP for regular reintegration or extension, or DRAIN), DAOS's
 * I/O layout ({@link LayoutMode#CURRENT}) is extended ({@code jump_map_obj_extend_layout} + {@code pl_map_extend})
 * with the shards' homes after the change, so that updates land on both the old and the new home until migration
 * ends. DAOS widens the groups; here the extra shards are kept apart in {@link #peers} (each carries the shard
 * number it duplicates), so {@link #shards} stays indexed by shard number and {@link #group} returns both.
 *
 * @param oid the object
 * @param version pool map version the layout was computed for
 * @param groupSize shards per redundancy group
 * @param groups number of redundancy groups
 * @param shards all shards, index = shard number
 * @param peers the extension's shards (written; read only when not rebuilding, as a DRAIN's destination is not)
 */
public record Layout(ObjectId oid, int version, int groupSize, int groups, List<Shard> shards, List<Shard> peers) {
  public Layout {
    shards = List.copyOf(shards);
    peers = List.copyOf(peers);
  }

  /** A layout without peer shards. */
  public Layout(ObjectId oid, int version, int groupSize, int groups, List<Shard> shards) {
    this(oid, version, groupSize, groups, shards, List.of());
  }

  /** The shards of redundancy group {@code g}, its peer shards (if any) after them. */
  public List<Shard> group(int g) {
    if (g < 0 || g >= groups) {
      throw new IllegalArgumentException("group " + g + " out of range 0.." + (groups - 1));
    }
    List<Shard> base = shards.subList(g * groupSize, (g + 1) * groupSize);
    if (peers.isEmpty()) {
      return base;
    }
    List<Shard> out = new java.util.ArrayList<>(base);
    for (Shard p : peers) {
      if (p.shard() / groupSize == g) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  /** Every shard to write when the whole object is modified: {@link #shards} then {@link #peers}. */
  public List<Shard> allShards() {
    if (peers.isEmpty()) {
      return shards;
    }
    List<Shard> out = new java.util.ArrayList<>(shards);
    out.addAll(peers);
    return List.copyOf(out);
  }

  /** True when shard number {@code k} is placed on target {@code target}, as a shard or as a peer. */
  public boolean holds(int k, int target) {
    if (k >= 0 && k < shards.size() && shards.get(k).target() == target) {
      return true;
    }
    for (Shard p : peers) {
      if (p.shard() == k && p.target() == target) {
        return true;
      }
    }
    return false;
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
