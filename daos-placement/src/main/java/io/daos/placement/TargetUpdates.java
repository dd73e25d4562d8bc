package io.daos.placement;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;

/** {@code update_one_tgt}: one target's transition for a {@link MapOp}, bumping the map version when it changes. */
final class TargetUpdates {
  private TargetUpdates() {
  }

  /** Returns the updated component (same instance when nothing changes); {@code version[0]} is incremented. */
  static MapComponent apply(MapComponent t, MapOp op, int[] version) {
    TargetState s = t.state();
    switch (op) {
      case EXCLUDE:
        if (s == TargetState.NEW) {
          throw new DaosException(DaosStatus.NOSYS, "target " + t.id() + " is being added and cannot be excluded");
        }
        return s == TargetState.UP || s == TargetState.UPIN
            ? t.with(TargetState.DOWN, ++version[0], t.inVer(), t.outVer(), t.flags()) : t;
      case DRAIN:
        if (s == TargetState.NEW || s == TargetState.UP) {
          throw busy(t, "drained while it is being added or reintegrated");
        }
        return s == TargetState.UPIN ? t.with(TargetState.DRAIN, ++version[0], t.inVer(), t.outVer(), t.flags()) : t;
      case REINT:
        return reint(t, version);
      case EXTEND:
        if (s == TargetState.DOWN || s == TargetState.DRAIN || s == TargetState.DOWNOUT) {
          throw busy(t, "extended while it is excluded or draining");
        }
        return s == TargetState.NEW ? t.with(TargetState.UP, t.fseq(), ++version[0], t.outVer(), t.flags()) : t;
      case ADD_IN:
        return s == TargetState.UP ? t.with(TargetState.UPIN, t.fseq(), ++version[0], t.outVer(), 0) : t;
      case EXCLUDE_OUT:
        if (s != TargetState.DOWN && s != TargetState.DRAIN) {
          return t;
        }
        int flags = s == TargetState.DOWN ? MapComponent.DOWN2OUT : t.flags();
        return t.with(TargetState.DOWNOUT, t.fseq(), t.inVer(), ++version[0], flags);
      case REVERT_REBUILD:
        return revert(t, version);
      default:
        throw new IllegalArgumentException("unsupported map operation " + op);
    }
  }

  private static MapComponent reint(MapComponent t, int[] version) {
    switch (t.state()) {
      case NEW:
      case DRAIN:
        throw busy(t, "reintegrated while it is being added or drained");
      case DOWN:
        return t.with(TargetState.UP, t.fseq(), ++version[0], t.outVer(), t.flags() | MapComponent.DOWN2UP);
      case DOWNOUT:
        return t.with(TargetState.UP, t.fseq(), ++version[0], t.outVer(), t.flags());
      default:
        return t;
    }
  }

  /**
   * {@code update_one_tgt} for MAP_REVERT_REBUILD: a draining target is back in service (failure sequence cleared);
   * a returning target goes back to where it came from (NEW for an extension's, whose failure sequence is still 1;
   * DOWN when it was reintegrated from DOWN; else DOWNOUT, with out_ver the new version).
   */
  private static MapComponent revert(MapComponent t, int[] version) {
    switch (t.state()) {
      case DRAIN:
        version[0]++;
        return t.with(TargetState.UPIN, 1, t.inVer(), t.outVer(), t.flags());
      case UP:
        if (t.fseq() <= 1) {
          version[0]++;
          return t.with(TargetState.NEW, t.fseq(), 0, t.outVer(), t.flags());
        }
        TargetState back = (t.flags() & MapComponent.DOWN2UP) != 0 ? TargetState.DOWN : TargetState.DOWNOUT;
        int out = ++version[0];
        return t.with(back, t.fseq(), t.inVer(), out, t.flags());
      default:
        return t;
    }
  }

  private static DaosException busy(MapComponent t, String what) {
    return new DaosException(DaosStatus.BUSY, "target " + t.id() + " (rank " + t.rank() + " index " + t.index()
        + ", " + t.state() + ") cannot be " + what + "; wait for the current operation to finish");
  }
}
