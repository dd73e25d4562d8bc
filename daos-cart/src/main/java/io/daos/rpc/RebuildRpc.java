package io.daos.rpc;

import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;

/**
 * The rebuild RPC opcodes ({@code enum rebuild_operation} in DAOS {@code src/rebuild/rpc.h}, module REBUILD) and the
 * object opcodes rebuild uses ({@code obj_rpc.h}). {@link #REPORT} is jdaos's: DAOS carries an engine's rebuild
 * progress to the leader in the rebuild IV ({@code rebuild_iv.c}), jdaos in this RPC.
 */
public final class RebuildRpc {
  /** {@code REBUILD_OBJECTS_SCAN}. */
  public static final int OP_OBJECTS_SCAN = 0;
  /** jdaos: an engine's progress report to the rebuild leader (DAOS: rebuild IV update). */
  public static final int OP_REPORT = 1;

  /** {@code DAOS_OBJ_RPC_ENUMERATE}: whole-object enumeration, here with every version and its epoch. */
  public static final int OP_OBJ_ENUMERATE = ObjRpc.OP_ENUMERATE;
  /** {@code DAOS_OBJ_RPC_MIGRATE}. */
  public static final int OP_OBJ_MIGRATE = 15;

  /** {@code POOL_TGT_DISCARD} (module POOL, {@code src/pool/rpc.h}): discard a reintegrating target's data. */
  public static final int OP_POOL_TGT_DISCARD = 32;

  /** {@code POOL_REBUILD_STOP} (module POOL): {@code dmg pool rebuild stop} at the pool service leader. */
  public static final int OP_POOL_REBUILD_STOP = 33;
  /** {@code POOL_REBUILD_START} (module POOL): {@code dmg pool rebuild start} at the pool service leader. */
  public static final int OP_POOL_REBUILD_START = 34;

  public static final Opcode POOL_TGT_DISCARD = DaosModule.POOL.opcode(OP_POOL_TGT_DISCARD);
  public static final Opcode POOL_REBUILD_STOP = DaosModule.POOL.opcode(OP_POOL_REBUILD_STOP);
  public static final Opcode POOL_REBUILD_START = DaosModule.POOL.opcode(OP_POOL_REBUILD_START);
  public static final Opcode OBJECTS_SCAN = DaosModule.REBUILD.opcode(OP_OBJECTS_SCAN);
  public static final Opcode REPORT = DaosModule.REBUILD.opcode(OP_REPORT);
  public static final Opcode OBJ_ENUMERATE = DaosModule.OBJ.opcode(OP_OBJ_ENUMERATE);
  public static final Opcode OBJ_MIGRATE = DaosModule.OBJ.opcode(OP_OBJ_MIGRATE);

  private RebuildRpc() {
  }
}
