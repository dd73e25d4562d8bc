package io.daos.rpc;

import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;

/**
 * The pool-service RPC opcodes: DAOS's op numbers ({@code enum pool_operation} in {@code src/pool/rpc.h}, client
 * list then server list) in module POOL at its current version. Bodies are in {@code jdaos/pool.proto}.
 */
public final class PoolRpc {
  public static final int OP_CREATE = 0;
  public static final int OP_CONNECT = 1;
  public static final int OP_DISCONNECT = 2;
  public static final int OP_QUERY = 3;
  public static final int OP_QUERY_INFO = 4;
  public static final int OP_EXCLUDE = 5;
  public static final int OP_DRAIN = 6;
  public static final int OP_EXTEND = 7;
  public static final int OP_EVICT = 8;
  public static final int OP_REINT = 9;
  public static final int OP_ADD_IN = 10;
  public static final int OP_EXCLUDE_OUT = 11;
  public static final int OP_SVC_STOP = 12;
  public static final int OP_ATTR_LIST = 13;
  public static final int OP_ATTR_GET = 14;
  public static final int OP_ATTR_SET = 15;
  public static final int OP_ATTR_DEL = 16;
  public static final int OP_REPLICAS_ADD = 17;
  public static final int OP_REPLICAS_REMOVE = 18;
  public static final int OP_LIST_CONT = 19;
  public static final int OP_TGT_QUERY_MAP = 20;
  public static final int OP_FILTER_CONT = 21;
  public static final int OP_TGT_WARMUP = 22;
  // Server-to-server list, numbered on from the client list.
  public static final int OP_TGT_DISCONNECT = 23;
  public static final int OP_TGT_QUERY = 24;
  public static final int OP_PROP_GET = 25;
  public static final int OP_ADD_TGT = 26;
  public static final int OP_PROP_SET = 27;
  public static final int OP_ACL_UPDATE = 28;
  public static final int OP_ACL_DELETE = 29;
  public static final int OP_RANKS_GET = 30;
  public static final int OP_UPGRADE = 31;
  public static final int OP_TGT_DISCARD = 32;
  public static final int OP_REBUILD_STOP = 33;
  public static final int OP_REBUILD_START = 34;
  public static final int OP_EVAL_SELF_HEAL = 35;
  /**
   * jdaos: the service leader's push of a new pool map to the engines (DAOS does it with the pool IV, outside the
   * pool module's opcodes); numbered well past DAOS's list so that it never takes one of DAOS's numbers.
   */
  public static final int OP_TGT_MAP_UPDATE = 64;

  public static final Opcode CONNECT = DaosModule.POOL.opcode(OP_CONNECT);
  public static final Opcode DISCONNECT = DaosModule.POOL.opcode(OP_DISCONNECT);
  public static final Opcode QUERY = DaosModule.POOL.opcode(OP_QUERY);
  public static final Opcode QUERY_INFO = DaosModule.POOL.opcode(OP_QUERY_INFO);
  public static final Opcode EVICT = DaosModule.POOL.opcode(OP_EVICT);
  public static final Opcode EXCLUDE = DaosModule.POOL.opcode(OP_EXCLUDE);
  public static final Opcode EXTEND = DaosModule.POOL.opcode(OP_EXTEND);
  public static final Opcode EVAL_SELF_HEAL = DaosModule.POOL.opcode(OP_EVAL_SELF_HEAL);
  public static final Opcode DRAIN = DaosModule.POOL.opcode(OP_DRAIN);
  public static final Opcode REINT = DaosModule.POOL.opcode(OP_REINT);
  public static final Opcode ADD_IN = DaosModule.POOL.opcode(OP_ADD_IN);
  public static final Opcode EXCLUDE_OUT = DaosModule.POOL.opcode(OP_EXCLUDE_OUT);
  public static final Opcode TGT_MAP_UPDATE = DaosModule.POOL.opcode(OP_TGT_MAP_UPDATE);
  public static final Opcode SVC_STOP = DaosModule.POOL.opcode(OP_SVC_STOP);
  public static final Opcode ATTR_LIST = DaosModule.POOL.opcode(OP_ATTR_LIST);
  public static final Opcode ATTR_GET = DaosModule.POOL.opcode(OP_ATTR_GET);
  public static final Opcode ATTR_SET = DaosModule.POOL.opcode(OP_ATTR_SET);
  public static final Opcode ATTR_DEL = DaosModule.POOL.opcode(OP_ATTR_DEL);
  public static final Opcode LIST_CONT = DaosModule.POOL.opcode(OP_LIST_CONT);
  public static final Opcode TGT_QUERY_MAP = DaosModule.POOL.opcode(OP_TGT_QUERY_MAP);
  public static final Opcode TGT_QUERY = DaosModule.POOL.opcode(OP_TGT_QUERY);
  public static final Opcode PROP_GET = DaosModule.POOL.opcode(OP_PROP_GET);
  public static final Opcode PROP_SET = DaosModule.POOL.opcode(OP_PROP_SET);
  public static final Opcode ACL_UPDATE = DaosModule.POOL.opcode(OP_ACL_UPDATE);
  public static final Opcode ACL_DELETE = DaosModule.POOL.opcode(OP_ACL_DELETE);

  /** Pool connect flags ({@code daos_types.h}). */
  public static final int PC_RO = 1;
  public static final int PC_RW = 2;
  public static final int PC_EX = 4;

  /** Pool handle capabilities ({@code POOL_CAPA_*} in {@code src/security/srv_internal.h}). */
  public static final long CAPA_READ = 1;
  public static final long CAPA_CREATE_CONT = 2;
  public static final long CAPA_DEL_CONT = 4;

  private PoolRpc() {
  }
}
