package io.daos.placement;

import io.daos.placement.object.PoolAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An immutable pool map ({@code struct pool_map}): a fault domain tree root → [fault domains →] nodes → ranks →
 * targets, flattened level by level as DAOS's {@code pool_buf_parse} lays it out (index 0 = root, every level
 * contiguous, targets in tree order with ids 0..n-1), plus the map version.
 */
public final class PoolMap {
  final int version;
  final MapComponent[] doms;
  final int[] childStart;
  final int[] childNr;
  final int[] tgtStart;
  final int[] tgtNr;
  final MapComponent[] tgts;

  PoolMap(int version, MapComponent[] doms, int[] childStart, int[] childNr, int[] tgtStart, int[] tgtNr,
          MapComponent[] tgts) {
    this.version = version;
    this.doms = doms;
    this.childStart = childStart;
    this.childNr = childNr;
    this.tgtStart = tgtStart;
    this.tgtNr = tgtNr;
    this.tgts = tgts;
  }

  /** A builder for maps described rank by rank with fault domain paths. */
  public static PoolMapBuilder builder() {
    return new PoolMapBuilder();
  }

  /**
   * The map DAOS's placement tests build ({@code gen_pool_and_placement_map}): {@code nodes} node domains with
   * ids 0.., each holding {@code ranksPerNode} ranks with {@code targetsPerRank} targets, version 1.
   */
  public static PoolMap standard(int nodes, int ranksPerNode, int targetsPerRank) {
    PoolMapBuilder b = builder().version(1).firstDomainId(0);
    for (int r = 0; r < nodes * ranksPerNode; r++) {
      b.rank(r, "/node" + (r / ranksPerNode), targetsPerRank);
    }
    return b.build();
  }

  /** Map version. */
  public int version() {
    return version;
  }

  /** Number of targets, all states. */
  public int targetCount() {
    return tgts.length;
  }

  /** The target with pool-wide id {@code id}. */
  public Target target(int id) {
    if (id < 0 || id >= tgts.length) {
      throw new IllegalArgumentException("no target " + id + " in a pool map of " + tgts.length + " targets");
    }
    return Target.of(tgts[id]);
  }

  /** The target of {@code rank} at {@code index}. */
  public Target target(int rank, int index) {
    for (MapComponent t : tgts) {
      if (t.rank() == rank && t.index() == index) {
        return Target.of(t);
      }
    }
    throw new IllegalArgumentException("no target " + index + " on rank " + rank + " in the pool map");
  }

  /** All targets in id order. */
  public List<Target> targets() {
    List<Target> l = new ArrayList<>(tgts.length);
    for (MapComponent t : tgts) {
      l.add(Target.of(t));
    }
    return Collections.unmodifiableList(l);
  }

  /** Number of domains of {@code level} ({@code pool_map_find_domain(..., PO_COMP_ID_ALL)}). */
  public int domainCount(DomainLevel level) {
    return (int) Arrays.stream(doms).filter(d -> d.type() == level).count();
  }

  /** {@code pool_map_failure_domain_level}: {@code level} if the tree has it, else its lowest domain level. */
  public DomainLevel failureDomainLevel(DomainLevel level) {
    int d = 0;
    while (true) {
      if (doms[d].type() == level || childNr[d] == 0) {
        return doms[d].type();
      }
      d = childStart[d];
    }
  }

  /** {@code pl_map_query}: domains at {@code level} (NODE by default in DAOS), UPIN targets, and the RF. */
  public PoolAttributes attributes(DomainLevel level, int redundancyFactor) {
    int upin = (int) Arrays.stream(tgts).filter(t -> t.state() == TargetState.UPIN).count();
    int domains = domainCount(failureDomainLevel(level));
    return new PoolAttributes(domains, Math.max(upin, domains), redundancyFactor);
  }

  /** Applies {@code op} to the given targets; the version grows by one per changed target, as in DAOS. */
  public PoolMap update(MapOp op, int... targetIds) {
    MapComponent[] next = tgts.clone();
    int[] ver = {version};
    for (int id : targetIds) {
      target(id);
      next[id] = TargetUpdates.apply(next[id], op, ver);
    }
    return new PoolMap(ver[0], doms, childStart, childNr, tgtStart, tgtNr, next);
  }

  /** Applies {@code op} to every target of {@code rank}. */
  public PoolMap updateRank(MapOp op, int rank) {
    int[] ids = Arrays.stream(tgts).filter(t -> t.rank() == rank).mapToInt(MapComponent::id).toArray();
    if (ids.length == 0) {
      throw new IllegalArgumentException("rank " + rank + " is not in the pool map");
    }
    return update(op, ids);
  }

  /**
   * A copy in which target {@code index} of {@code rank} has {@code state} and failure sequence {@code fseq}, at the
   * same version: for maps received from the pool service, which already carry states and versions.
   */
  public PoolMap withTargetState(int rank, int index, TargetState state, int fseq) {
    int id = target(rank, index).id();
    MapComponent[] next = tgts.clone();
    MapComponent c = next[id];
    next[id] = c.with(state, fseq, c.inVer(), c.outVer(), c.flags());
    return new PoolMap(version, doms, childStart, childNr, tgtStart, tgtNr, next);
  }

  /**
   * A copy in which target {@code index} of {@code rank} has {@code state}, failure sequence {@code fseq}, in-version
   * {@code inVer}, out-version {@code outVer} and {@code flags} ({@link Target#DOWN2OUT}, {@link Target#DOWN2UP}), at
   * the same version: for maps received from the pool service with all of DAOS's per-target versions. An
   * {@code inVer} of 0 means the sender did not record it (maps from before it was kept): the target keeps its own.
   */
  public PoolMap withTarget(int rank, int index, TargetState state, int fseq, int inVer, int outVer, int flags) {
    int id = target(rank, index).id();
    MapComponent[] next = tgts.clone();
    MapComponent c = next[id];
    next[id] = c.with(state, fseq, inVer == 0 ? c.inVer() : inVer, outVer, flags);
    return new PoolMap(version, doms, childStart, childNr, tgtStart, tgtNr, next);
  }

  /**
   * {@code is_pool_map_adding}: some target is being added (NEW, or UP without ever having failed, as after
   * {@link MapOp#EXTEND}); layouts leave such targets out until the extension ends, so I/O layouts are extended with
   * the shards' homes after it.
   */
  public boolean adding() {
    for (MapComponent t : tgts) {
      if (t.state() == TargetState.NEW || t.state() == TargetState.UP && t.fseq() <= 1) {
        return true;
      }
    }
    return false;
  }

  int domainIndexCount() {
    return doms.length;
  }

  boolean hasChildren(int d) {
    return childNr[d] > 0;
  }

  @Override
  public String toString() {
    return "PoolMap{version=" + version + ", domains=" + (doms.length - 1) + ", targets=" + tgts.length + "}";
  }
}
