package io.daos.placement;

/** {@code comp_need_remap} and the shard flags it yields ({@code PL_IS_REBUILDING}, ...). */
final class Remap {
  static final int IS_REBUILDING = 1;
  static final int IS_REINTEGRATING = 1 << 1;
  static final int HAS_PEER = 1 << 2;

  private Remap() {
  }

  /**
   * True when a shard on {@code c} must move to a fallback target; ORs the flags for the shard (kept or moved)
   * into {@code flags[0]} when given.
   */
  static boolean needRemap(MapComponent c, int allowVer, LayoutMode mode, int[] flags) {
    TargetState s = c.state();
    if (s == TargetState.UPIN) {
      return false;
    }
    if (s == TargetState.DOWNOUT) {
      return true;
    }
    int f = 0;
    boolean remap = true;
    boolean down2up = (c.flags() & MapComponent.DOWN2UP) != 0;
    if (mode == LayoutMode.PRE_REBUILD) {
      if (s == TargetState.DOWN) {
        remap = false;
        f = IS_REBUILDING;
      } else if (s == TargetState.DRAIN) {
        remap = false;
      } else if (s == TargetState.UP && down2up) {
        remap = false;
        f = IS_REBUILDING | IS_REINTEGRATING;
      }
    } else if (s == TargetState.DOWN) {
      if (c.fseq() > allowVer) {
        remap = false;
      } else {
        f = IS_REBUILDING;
      }
    } else if (s == TargetState.DRAIN) {
      if (c.fseq() > allowVer) {
        remap = false;
      } else if (mode == LayoutMode.CURRENT) {
        f = HAS_PEER;
        remap = false;
      }
    } else if (s == TargetState.UP && c.inVer() <= allowVer) {
      if (down2up) {
        f = IS_REBUILDING | IS_REINTEGRATING;
        remap = false;
      } else if (mode == LayoutMode.CURRENT) {
        f = HAS_PEER;
      } else {
        remap = false;
      }
    }
    if (flags != null) {
      flags[0] |= f;
    }
    return remap;
  }
}
