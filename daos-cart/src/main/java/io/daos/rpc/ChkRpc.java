package io.daos.rpc;

import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;

/**
 * The checker's engine-to-engine RPC opcodes: DAOS's op numbers ({@code CHK_PROTO_SRV_RPC_LIST} in
 * {@code src/chk/chk_internal.h}) in module CHK. jdaos sends CHK_START to collect each rank's pool clues
 * ({@code jdaos/chk.proto}); it is a server opcode (peer-authenticated), never client-facing.
 */
public final class ChkRpc {
  public static final int OP_START = 0;

  /** One rank's pool shards and the label and replicas of the pool services it hosts. */
  public static final Opcode START = DaosModule.CHK.opcode(OP_START);

  private ChkRpc() {
  }
}
