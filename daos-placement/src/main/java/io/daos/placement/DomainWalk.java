package io.daos.placement;

import java.util.BitSet;

/**
 * The bit bookkeeping of one layout computation over a {@link PoolMap} ({@code jump_map_versions.c}): which
 * domains the object used ({@code dom_used}), which are full ({@code dom_full}), which targets are taken
 * ({@code tgts_used}), and the helpers that test and reset them. Domain bits are indexed like the flattened
 * domain array, target bits by target id.
 */
class DomainWalk {
  final PoolMap m;
  final DomainLevel fdom;
  final int allowVer;
  final LayoutMode mode;
  final BitSet domUsed = new BitSet();
  final BitSet domFull = new BitSet();
  final BitSet tgtsUsed = new BitSet();

  DomainWalk(PoolMap m, DomainLevel fdom, int allowVer, LayoutMode mode) {
    this.m = m;
    this.fdom = fdom;
    this.allowVer = allowVer;
    this.mode = mode;
  }

  /** {@code comp_is_skipped}: NEW components, and targets being added, are left out of bucket counts. */
  boolean skipped(MapComponent c) {
    if (c.state() == TargetState.NEW) {
      return true;
    }
    if (c.state() == TargetState.UP && c.fseq() <= 1) {
      return c.inVer() > allowVer || mode != LayoutMode.POST_REBUILD;
    }
    return false;
  }

  boolean atFdom(int d) {
    return !m.hasChildren(d) || m.doms[d].type() == fdom;
  }

  /** {@code dom_avail_children}: children (or targets at the fault domain level) minus trailing skipped ones. */
  int availChildren(int d) {
    if (atFdom(d)) {
      int n = m.tgtNr[d];
      while (n - 1 > 0 && skipped(m.tgts[m.tgtStart[d] + n - 1])) {
        n--;
      }
      return n;
    }
    int n = m.childNr[d];
    while (n - 1 > 0 && skipped(m.doms[m.childStart[d] + n - 1])) {
      n--;
    }
    return n;
  }

  /** {@code tgt_isset_range}. */
  boolean tgtsAllUsed(int start, int end) {
    for (int i = start; i <= end; i++) {
      if (!tgtsUsed.get(i) && !skipped(m.tgts[i])) {
        return false;
      }
    }
    return true;
  }

  boolean tgtsAllUsed(int d) {
    return tgtsAllUsed(m.tgtStart[d], m.tgtStart[d] + m.tgtNr[d] - 1);
  }

  /** {@code dom_isset_range}. */
  boolean allSet(BitSet bits, int start, int end) {
    for (int i = start; i <= end; i++) {
      if (!bits.get(i) && !skipped(m.doms[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@code dom_isset_2ranges}. */
  boolean allSet(BitSet a, BitSet b, int start, int end) {
    for (int i = start; i <= end; i++) {
      if (!a.get(i) && !b.get(i) && !skipped(m.doms[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@code dom_is_full}. */
  boolean domIsFull(int d) {
    return allSet(domFull, m.childStart[d], m.childStart[d] + m.childNr[d] - 1);
  }

  /** {@code dom_reset_bit} (including its quirks: child counts of the starting domain, leaves clear one bit). */
  void resetBit(int dom, BitSet bits) {
    int tree = dom;
    int domNr = 1;
    while (tree >= 0) {
      int next = 0;
      if (m.hasChildren(tree)) {
        if (!allSet(bits, tree, tree + domNr - 1)) {
          return;
        }
        for (int i = 0; i < domNr; i++) {
          bits.clear(tree + i);
          next += m.childNr[dom];
        }
      } else {
        bits.clear(tree);
      }
      domNr = next;
      tree = m.hasChildren(tree) ? m.childStart[tree] : -1;
    }
  }

  /** {@code dom_reset_full}. */
  void resetFull(int dom) {
    resetBit(dom, domFull);
    int start = m.tgtStart[dom];
    int end = start + m.tgtNr[dom];
    if (tgtsUsed.nextClearBit(start) >= end) {
      tgtsUsed.clear(start, end);
    }
  }

  /** {@code dom_tgts_are_avaible}. */
  boolean hasUsableTarget(int dom) {
    for (int i = 0; i < m.tgtNr[dom]; i++) {
      if (!Remap.needRemap(m.tgts[m.tgtStart[dom] + i], allowVer, mode, null)) {
        return true;
      }
    }
    return false;
  }
}
