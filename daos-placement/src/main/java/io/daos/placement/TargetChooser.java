package io.daos.placement;

import io.daos.placement.object.DaosHash;
import java.util.BitSet;

/**
 * Chooses one target for one shard, layout version 2 ({@code __get_target_v2} + {@code get_target_new} +
 * {@code reset_dom_cur_grp_v1}, without performance domains): walk from the root, at each level jump-hash a
 * child not yet used by the object nor by the current group (CRC-64 mixing of the object key, shard number and
 * attempt), then at the fault domain level jump-hash a target and probe linearly to a free one.
 */
final class TargetChooser extends DomainWalk {
  private static final int MAX_STACK = 5;
  private static final int ROOT = 0;

  /** A chosen target id and the fault domain (domain index) it was chosen in. */
  record Choice(int target, int domain) {
  }

  private final int maxRounds;

  TargetChooser(PoolMap m, DomainLevel fdom, int allowVer, LayoutMode mode) {
    super(m, fdom, allowVer, mode);
    this.maxRounds = 4 * (m.domainIndexCount() + m.targetCount()) + 64;
  }

  /** {@code get_target_new}: retries with relaxed group bits until a target is found. */
  Choice choose(long key, BitSet grpUsed, BitSet grpReal, int shard) {
    for (int round = 0; round < maxRounds; round++) {
      Choice c = walk(key, grpUsed, shard);
      if (c != null) {
        return c;
      }
      resetGroup(grpUsed, grpReal);
    }
    throw new IllegalStateException("jump map: no target found for shard " + shard + " after " + maxRounds
        + " rounds (pool map " + m + ")");
  }

  /** {@code __get_target_v2} with the root as the only performance domain. */
  private Choice walk(long objKey, BitSet grpUsed, int shard) {
    int[] stack = new int[MAX_STACK];
    int top = -1;
    int cur = ROOT;
    for (int guard = 0; guard < maxRounds * MAX_STACK; guard++) {
      int children = availChildren(cur);
      if (m.doms[cur].type() == fdom) {
        if (tgtsAllUsed(cur)) {
          if (top == -1) {
            return null;
          }
          cur = stack[top--];
          continue;
        }
        return pickTarget(cur, objKey, shard, children, stack, top);
      }
      int start = m.childStart[cur];
      int end = start + m.childNr[cur] - 1;
      if (domIsFull(cur)) {
        if (top == -1) {
          return null;
        }
        domFull.set(cur);
        grpUsed.set(cur);
        cur = stack[top--];
        continue;
      }
      if (allSet(domFull, grpUsed, start, end)) {
        if (top == -1) {
          return null;
        }
        grpUsed.set(cur);
        cur = stack[top--];
        continue;
      }
      if (allSet(domUsed, grpUsed, start, end)) {
        for (int i = start; i <= end; i++) {
          if (!domFull.get(i)) {
            domUsed.clear(i);
          }
        }
        cur = top == -1 ? ROOT : stack[top--];
        continue;
      }
      int sel = pickChild(objKey, shard, children, start, grpUsed);
      domUsed.set(start + sel);
      grpUsed.set(start + sel);
      stack[++top] = cur;
      cur = start + sel;
      objKey = Crc64.jmCrc(objKey, Integer.toUnsignedLong(m.doms[cur].id()), Crc64.JM_SEED);
    }
    throw new IllegalStateException("jump map: domain walk did not converge for shard " + shard);
  }

  private int pickChild(long objKey, int shard, int children, int start, BitSet grpUsed) {
    for (long fail = 0; fail < 1L << 24; fail++) {
      long key = Crc64.jmCrc(objKey, Integer.toUnsignedLong(shard), fail);
      int sel = DaosHash.jump(key, children);
      if (!domUsed.get(start + sel) && !grpUsed.get(start + sel)) {
        return sel;
      }
    }
    throw new IllegalStateException("jump map: no free child domain for shard " + shard);
  }

  private Choice pickTarget(int dom, long objKey, int shard, int children, int[] stack, int top) {
    int start = m.tgtStart[dom];
    long key = Crc64.jmCrc(objKey, Integer.toUnsignedLong(shard), 0);
    int sel = DaosHash.jump(key, children);
    int tgt;
    do {
      sel = sel % children;
      tgt = start + sel;
      sel++;
    } while (tgtsUsed.get(tgt));
    tgtsUsed.set(tgt);
    if (tgtsAllUsed(dom)) {
      domFull.set(dom);
      while (top != -1) {
        if (domIsFull(stack[top])) {
          domFull.set(stack[top]);
        }
        --top;
      }
    }
    return new Choice(tgt, dom);
  }

  /** {@code reset_dom_cur_grp_v1} from the root. */
  private void resetGroup(BitSet grpUsed, BitSet grpReal) {
    int tree = ROOT;
    int domNr = 1;
    while (tree >= 0 && m.doms[tree].type().number() >= fdom.number()) {
      int start = tree;
      int end = start + domNr - 1;
      if (m.doms[tree].type().number() > fdom.number()) {
        int next = 0;
        for (int i = 0; i < domNr; i++) {
          int d = start + i;
          next += m.hasChildren(d) ? m.childNr[d] : 0;
          grpUsed.clear(d);
          domFull.clear(d);
        }
        domNr = next;
        tree = m.hasChildren(tree) ? m.childStart[tree] : -1;
        continue;
      }
      resetFaultLevel(start, end, grpUsed, grpReal);
      return;
    }
  }

  private void resetFaultLevel(int start, int end, BitSet grpUsed, BitSet grpReal) {
    if (!allSet(domFull, grpUsed, start, end)) {
      return;
    }
    if (!allSet(grpUsed, start, end)) {
      for (int d = start; d <= end; d++) {
        if (!grpUsed.get(d) && domFull.get(d)) {
          resetFull(d);
        }
      }
      return;
    }
    boolean reset = false;
    for (int d = start; d <= end; d++) {
      if (!grpReal.get(d) && !tgtsAllUsed(d)) {
        resetBit(d, grpUsed);
        reset = true;
      }
    }
    if (reset) {
      return;
    }
    for (int d = start; d <= end; d++) {
      if (!grpReal.get(d) && hasUsableTarget(d)) {
        resetFull(d);
        resetBit(d, grpUsed);
        reset = true;
      }
    }
    if (reset) {
      return;
    }
    boolean resetAllFull = allSet(domFull, start, end);
    for (int d = start; d <= end; d++) {
      if (resetAllFull) {
        resetFull(d);
      }
      resetBit(d, grpUsed);
    }
  }
}
