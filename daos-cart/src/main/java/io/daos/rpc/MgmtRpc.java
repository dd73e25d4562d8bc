package io.daos.rpc;

import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;

/**
 * The engine management RPC opcodes: DAOS's op numbers ({@code enum mgmt_operation} in {@code src/mgmt/rpc.h}, the
 * client list then the server list) in module MGMT at its current version. Client bodies are in
 * {@code jdaos/pool.proto}, engine-to-engine (TGT_*) bodies in {@code jdaos/tgt.proto}.
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
  // Server-to-server list, numbered on from the client list.
  public static final int OP_TGT_CREATE = 8;
  public static final int OP_TGT_DESTROY = 9;
  public static final int OP_TGT_PARAMS_SET = 10;
  public static final int OP_TGT_PROFILE = 11;
  public static final int OP_TGT_MAP_UPDATE = 12;
  public static final int OP_TGT_MARK = 13;
  public static final int OP_TGT_SHARD_DESTROY = 14;

  public static final Opcode POOL_GET_SVCRANKS = DaosModule.MGMT.opcode(OP_POOL_GET_SVCRANKS);
  public static final Opcode POOL_FIND = DaosModule.MGMT.opcode(OP_POOL_FIND);
  /** Creates one rank's targets of a pool (DAOS sends it as a collective RPC to the pool's ranks). */
  public static final Opcode TGT_CREATE = DaosModule.MGMT.opcode(OP_TGT_CREATE);
  /** Destroys one rank's targets of a pool (and its pool service replica, if any). */
  public static final Opcode TGT_DESTROY = DaosModule.MGMT.opcode(OP_TGT_DESTROY);
  /** Installs a newer group map (rank → URI) on a rank. */
  public static final Opcode TGT_MAP_UPDATE = DaosModule.MGMT.opcode(OP_TGT_MAP_UPDATE);

  private MgmtRpc() {
  }
}
