package io.daos.rpc;

import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;

/**
 * The DTX RPC opcodes ({@code enum dtx_operation} in DAOS {@code src/dtx/dtx_internal.h}), module DTX: engine to
 * engine, about distributed transactions of replicated modifications.
 */
public final class DtxRpc {
  public static final int OP_COMMIT = 0;
  public static final int OP_ABORT = 1;
  public static final int OP_CHECK = 2;
  public static final int OP_REFRESH = 3;

  /** The leader commits DTXs on a shard (batched). */
  public static final Opcode COMMIT = DaosModule.DTX.opcode(OP_COMMIT);
  /** The leader aborts a DTX on a shard: its data there is discarded. */
  public static final Opcode ABORT = DaosModule.DTX.opcode(OP_ABORT);
  /** A shard asks another participant for a DTX's state (leader lost). */
  public static final Opcode CHECK = DaosModule.DTX.opcode(OP_CHECK);
  /** A non-leader shard asks the leader whether a PREPARED DTX it met is committed. */
  public static final Opcode REFRESH = DaosModule.DTX.opcode(OP_REFRESH);

  private DtxRpc() {
  }
}
