package io.daos.rpc;

import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;

/**
 * The replicated-service RPC opcodes: DAOS's op numbers ({@code enum rsvc_operation} in {@code src/rsvc/rpc.h}) in
 * module RSVC at its current version. RSVC_START starts a rank's replica of a pool service at pool create; its body
 * is in {@code jdaos/tgt.proto}.
 */
public final class RsvcRpc {
  public static final int OP_START = 0;
  public static final int OP_STOP = 1;

  public static final Opcode START = DaosModule.RSVC.opcode(OP_START);
  public static final Opcode STOP = DaosModule.RSVC.opcode(OP_STOP);

  private RsvcRpc() {
  }
}
