package io.daos.rpc;

import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;

/**
 * The engine management RPC opcodes clients use: DAOS's op numbers ({@code enum mgmt_operation} in
 * {@code src/mgmt/rpc.h}) in module MGMT at its current version. Bodies are in {@code jdaos/pool.proto}.
 */
public final class MgmtRpc {
  public static final int OP_SVC_RIP = 0;
  public static final int OP_PARAMS_SET = 1;
  public static final int OP_PROFILE = 2;
  public static final int OP_POOL_GET_SVCRANKS = 3;
  public static final int OP_POOL_FIND = 4;
  public static final int OP_POOL_LIST = 5;
  public static final int OP_MARK = 6;
  public static final int OP_GET_BS_STATE = 7;

  public static final Opcode POOL_GET_SVCRANKS = DaosModule.MGMT.opcode(OP_POOL_GET_SVCRANKS);
  public static final Opcode POOL_FIND = DaosModule.MGMT.opcode(OP_POOL_FIND);

  private MgmtRpc() {
  }
}
