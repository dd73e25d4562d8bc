package io.daos.rpc;

import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;

/**
 * The container-service RPC opcodes: DAOS's op numbers ({@code enum cont_operation} in
 * {@code src/container/rpc.h}) in module CONT at its current version. Bodies are in {@code jdaos/cont.proto}.
 */
public final class ContRpc {
  public static final int OP_CREATE = 0;
  public static final int OP_DESTROY = 1;
  public static final int OP_OPEN = 2;
  public static final int OP_CLOSE = 3;
  public static final int OP_QUERY = 4;
  public static final int OP_OID_ALLOC = 5;
  public static final int OP_ATTR_LIST = 6;
  public static final int OP_ATTR_GET = 7;
  public static final int OP_ATTR_SET = 8;
  public static final int OP_ATTR_DEL = 9;
  public static final int OP_EPOCH_AGGREGATE = 10;
  public static final int OP_SNAP_LIST = 11;
  public static final int OP_SNAP_CREATE = 12;
  public static final int OP_SNAP_DESTROY = 13;
  public static final int OP_PROP_SET = 14;
  public static final int OP_ACL_UPDATE = 15;
  public static final int OP_ACL_DELETE = 16;
  public static final int OP_OPEN_BYLABEL = 17;
  public static final int OP_DESTROY_BYLABEL = 18;
  public static final int OP_SNAP_OIT_OID_GET = 19;
  public static final int OP_SNAP_OIT_CREATE = 20;
  public static final int OP_SNAP_OIT_DESTROY = 21;
  // Server-to-server list, numbered on from the client list.
  public static final int OP_TGT_DESTROY = 22;
  public static final int OP_TGT_QUERY = 23;
  public static final int OP_TGT_EPOCH_AGGREGATE = 24;
  public static final int OP_TGT_SNAPSHOT_NOTIFY = 25;
  public static final int OP_PROP_SET_BYLABEL = 26;

  public static final Opcode CREATE = DaosModule.CONT.opcode(OP_CREATE);
  public static final Opcode DESTROY = DaosModule.CONT.opcode(OP_DESTROY);
  public static final Opcode OPEN = DaosModule.CONT.opcode(OP_OPEN);
  public static final Opcode CLOSE = DaosModule.CONT.opcode(OP_CLOSE);
  public static final Opcode QUERY = DaosModule.CONT.opcode(OP_QUERY);
  public static final Opcode OID_ALLOC = DaosModule.CONT.opcode(OP_OID_ALLOC);
  public static final Opcode ATTR_LIST = DaosModule.CONT.opcode(OP_ATTR_LIST);
  public static final Opcode ATTR_GET = DaosModule.CONT.opcode(OP_ATTR_GET);
  public static final Opcode ATTR_SET = DaosModule.CONT.opcode(OP_ATTR_SET);
  public static final Opcode ATTR_DEL = DaosModule.CONT.opcode(OP_ATTR_DEL);
  public static final Opcode SNAP_LIST = DaosModule.CONT.opcode(OP_SNAP_LIST);
  public static final Opcode SNAP_CREATE = DaosModule.CONT.opcode(OP_SNAP_CREATE);
  public static final Opcode SNAP_DESTROY = DaosModule.CONT.opcode(OP_SNAP_DESTROY);
  public static final Opcode PROP_SET = DaosModule.CONT.opcode(OP_PROP_SET);
  public static final Opcode ACL_UPDATE = DaosModule.CONT.opcode(OP_ACL_UPDATE);
  public static final Opcode ACL_DELETE = DaosModule.CONT.opcode(OP_ACL_DELETE);
  public static final Opcode OPEN_BYLABEL = DaosModule.CONT.opcode(OP_OPEN_BYLABEL);
  public static final Opcode DESTROY_BYLABEL = DaosModule.CONT.opcode(OP_DESTROY_BYLABEL);
  /** Engine → service leader: what a container handle may do (jdaos fetches on first use; DAOS uses IV). */
  public static final Opcode TGT_QUERY = DaosModule.CONT.opcode(OP_TGT_QUERY);
  /**
   * A closed container handle's capability invalidation, sent by the container service to every engine of the
   * pool. DAOS sends it as a CaRT IV sync of the container IV ({@code CRT_OPC_IV_SYNC}: base 0xF4, version 2, op 2);
   * jdaos uses that opcode with a jdaos ContOp body (pool_uuid, cont_hdl).
   */
  public static final Opcode CAPA_INVALIDATE = Opcode.of(0xF4, 2, 2);
  /**
   * Engine → service leader: a container's snapshots and the pool's reclaim property, which a target's aggregation
   * needs before each pass. DAOS fetches the snapshot list through the container IV ({@code cont_iv_snapshots_refresh},
   * a CaRT IV fetch: base 0xF4, version 2, op 0) and the property through the pool IV; jdaos uses that opcode with a
   * ContOp body (pool_uuid, cont_uuid) and a ContSnapReply (snapshots, reclaim).
   */
  public static final Opcode SNAP_FETCH = Opcode.of(0xF4, 2, 0);

  /** Container open flags ({@code daos_cont.h}). */
  public static final int COO_RO = 1;
  public static final int COO_RW = 2;
  public static final int COO_EX = 4;
  public static final int COO_FORCE = 8;

  /** Container handle capabilities ({@code src/security/srv_internal.h}). */
  public static final long CAPA_READ_DATA = 1;
  public static final long CAPA_WRITE_DATA = 2;
  public static final long CAPA_GET_PROP = 4;
  public static final long CAPA_SET_PROP = 8;
  public static final long CAPA_GET_ACL = 16;
  public static final long CAPA_SET_ACL = 32;
  public static final long CAPA_SET_OWNER = 64;
  public static final long CAPA_DELETE = 128;
  public static final long CAPA_OPEN_EX = 256;
  public static final long CAPA_EVICT_ALL = 512;

  private ContRpc() {
  }
}
