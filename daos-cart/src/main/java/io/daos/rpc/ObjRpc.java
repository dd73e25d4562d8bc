package io.daos.rpc;

import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;

/**
 * The object RPC opcodes jdaos serves: DAOS's op numbers ({@code enum obj_rpc_opc} in {@code obj_rpc.h})
 * in module OBJ at its current version, packed as {@code DAOS_RPC_OPCODE}.
 */
public final class ObjRpc {
  public static final int OP_UPDATE = 0;
  public static final int OP_FETCH = 1;
  public static final int OP_DKEY_ENUMERATE = 2;
  public static final int OP_AKEY_ENUMERATE = 3;
  public static final int OP_RECX_ENUMERATE = 4;
  public static final int OP_ENUMERATE = 5;
  public static final int OP_PUNCH = 6;
  public static final int OP_PUNCH_DKEYS = 7;
  public static final int OP_PUNCH_AKEYS = 8;
  public static final int OP_QUERY_KEY = 9;
  public static final int OP_SYNC = 10;
  public static final int OP_TGT_UPDATE = 11;
  public static final int OP_TGT_PUNCH = 12;
  public static final int OP_TGT_PUNCH_DKEYS = 13;
  public static final int OP_TGT_PUNCH_AKEYS = 14;

  public static final Opcode UPDATE = DaosModule.OBJ.opcode(OP_UPDATE);
  public static final Opcode FETCH = DaosModule.OBJ.opcode(OP_FETCH);
  public static final Opcode DKEY_ENUMERATE = DaosModule.OBJ.opcode(OP_DKEY_ENUMERATE);
  public static final Opcode AKEY_ENUMERATE = DaosModule.OBJ.opcode(OP_AKEY_ENUMERATE);
  public static final Opcode RECX_ENUMERATE = DaosModule.OBJ.opcode(OP_RECX_ENUMERATE);
  public static final Opcode PUNCH = DaosModule.OBJ.opcode(OP_PUNCH);
  public static final Opcode PUNCH_DKEYS = DaosModule.OBJ.opcode(OP_PUNCH_DKEYS);
  public static final Opcode PUNCH_AKEYS = DaosModule.OBJ.opcode(OP_PUNCH_AKEYS);
  public static final Opcode QUERY_KEY = DaosModule.OBJ.opcode(OP_QUERY_KEY);
  /** Server to server: a replicated update the DTX leader forwards to another shard of the group. */
  public static final Opcode TGT_UPDATE = DaosModule.OBJ.opcode(OP_TGT_UPDATE);
  public static final Opcode TGT_PUNCH = DaosModule.OBJ.opcode(OP_TGT_PUNCH);
  public static final Opcode TGT_PUNCH_DKEYS = DaosModule.OBJ.opcode(OP_TGT_PUNCH_DKEYS);
  public static final Opcode TGT_PUNCH_AKEYS = DaosModule.OBJ.opcode(OP_TGT_PUNCH_AKEYS);

  /** DAOS's names for the ops above, by op number ({@code obj_rpc.h}). */
  private static final String[] NAMES = {"DAOS_OBJ_RPC_UPDATE", "DAOS_OBJ_RPC_FETCH", "DAOS_OBJ_DKEY_RPC_ENUMERATE",
      "DAOS_OBJ_AKEY_RPC_ENUMERATE", "DAOS_OBJ_RECX_RPC_ENUMERATE", "DAOS_OBJ_RPC_ENUMERATE", "DAOS_OBJ_RPC_PUNCH",
      "DAOS_OBJ_RPC_PUNCH_DKEYS", "DAOS_OBJ_RPC_PUNCH_AKEYS", "DAOS_OBJ_RPC_QUERY_KEY", "DAOS_OBJ_RPC_SYNC",
      "DAOS_OBJ_RPC_TGT_UPDATE", "DAOS_OBJ_RPC_TGT_PUNCH", "DAOS_OBJ_RPC_TGT_PUNCH_DKEYS",
      "DAOS_OBJ_RPC_TGT_PUNCH_AKEYS"};

  /** DAOS's telemetry names of the same ops ({@code obj_opc_to_str}: {@code io/ops/<name>/active}, ...). */
  private static final String[] METRIC_NAMES = {"update", "fetch", "dkey_enum", "akey_enum", "recx_enum", "obj_enum",
      "obj_punch", "dkey_punch", "akey_punch", "key_query", "obj_sync", "tgt_update", "tgt_punch", "tgt_dkey_punch",
      "tgt_akey_punch"};

  private ObjRpc() {
  }

  /** DAOS's telemetry name of an object opcode ({@code update}, {@code obj_punch}), else {@code unknown} as DAOS. */
  public static String metricName(Opcode opc) {
    boolean obj = opc.module() == UPDATE.module() && opc.version() == UPDATE.version()
        && opc.op() < METRIC_NAMES.length;
    return obj ? METRIC_NAMES[opc.op()] : "unknown";
  }

  /** DAOS's name of an object opcode ({@code DAOS_OBJ_RPC_UPDATE}), else the opcode's numbers. */
  public static String name(Opcode opc) {
    boolean obj = opc.module() == UPDATE.module() && opc.version() == UPDATE.version() && opc.op() < NAMES.length;
    return obj ? NAMES[opc.op()] : opc.toString();
  }

  /**
   * The pool UUID of an object request without parsing all of it: field 1 of every object request is its ObjTarget,
   * whose field 1 is the pool UUID. Null when the body has none (the full parse then reports the error).
   */
  public static java.util.UUID peekPool(java.nio.ByteBuffer body) {
    try {
      com.google.protobuf.ByteString target = field1(com.google.protobuf.CodedInputStream.newInstance(body));
      if (target == null) {
        return null;
      }
      com.google.protobuf.ByteString pool = field1(target.newCodedInput());
      return pool == null || pool.size() != 16 ? null : io.daos.common.Uuids.required(pool, "pool");
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  private static com.google.protobuf.ByteString field1(com.google.protobuf.CodedInputStream in)
      throws java.io.IOException {
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        return null;
      }
      if (tag == ((1 << 3) | 2)) {
        return in.readBytes();
      }
      in.skipField(tag);
    }
  }
}
