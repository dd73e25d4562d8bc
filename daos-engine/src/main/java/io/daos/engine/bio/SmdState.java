package io.daos.engine.bio;

import io.daos.proto.ctl.NvmeDevState;

/**
 * A device's state in SMD (DAOS {@code smd_dev_state} plus bio's NEW and UNPLUGGED): FAULTY is what the wire calls
 * EVICTED ({@code ctl.NvmeDevState}).
 */
public enum SmdState {
  NORMAL(NvmeDevState.NORMAL), FAULTY(NvmeDevState.EVICTED), NEW(NvmeDevState.NEW),
  UNPLUGGED(NvmeDevState.UNPLUGGED);

  private final NvmeDevState wire;

  SmdState(NvmeDevState wire) {
    this.wire = wire;
  }

  public NvmeDevState wire() {
    return wire;
  }
}
