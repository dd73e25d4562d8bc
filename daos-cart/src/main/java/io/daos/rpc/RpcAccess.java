package io.daos.rpc;

import io.daos.cart.Opcode;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who may send each data-plane opcode. CLIENT opcodes are what libdaos sends (object I/O, pool connect/query,
 * container open/...): any process may send them, and the engine serves them only under a pool or container
 * handle obtained with a validated credential. Every other opcode is SERVER: engine to engine (target
 * create/destroy, pool-map and group-map pushes, pool and container service internals, SWIM, rebuild, DTX), and
 * an engine serves it only on a connection that proved the system's key ({@link io.daos.cart.PeerAuth}).
 * Unlisted opcodes are SERVER: an opcode is client-facing only by being listed here.
 */
public final class RpcAccess {
  /** What libdaos sends (kept in step with {@code io.daos.client}); DAOS's client lists minus what jdaos's does not send. */
  private static final Set<Integer> CLIENT = codes(
      PoolRpc.CONNECT, PoolRpc.DISCONNECT, PoolRpc.QUERY, PoolRpc.ATTR_LIST, PoolRpc.ATTR_GET, PoolRpc.ATTR_SET,
      PoolRpc.ATTR_DEL, PoolRpc.LIST_CONT, PoolRpc.TGT_QUERY_MAP,
      ContRpc.CREATE, ContRpc.DESTROY, ContRpc.OPEN, ContRpc.CLOSE, ContRpc.QUERY, ContRpc.OID_ALLOC,
      ContRpc.ATTR_LIST, ContRpc.ATTR_GET, ContRpc.ATTR_SET, ContRpc.ATTR_DEL, ContRpc.SNAP_LIST,
      ContRpc.SNAP_CREATE, ContRpc.SNAP_DESTROY, ContRpc.PROP_SET, ContRpc.OPEN_BYLABEL, ContRpc.DESTROY_BYLABEL,
      ContRpc.ACL_UPDATE, ContRpc.ACL_DELETE,
      ObjRpc.UPDATE, ObjRpc.FETCH, ObjRpc.DKEY_ENUMERATE, ObjRpc.AKEY_ENUMERATE, ObjRpc.RECX_ENUMERATE,
      ObjRpc.PUNCH, ObjRpc.PUNCH_DKEYS, ObjRpc.PUNCH_AKEYS, ObjRpc.QUERY_KEY,
      MgmtRpc.POOL_FIND);

  /** Who may send an opcode. */
  public enum Access { CLIENT, SERVER }

  private RpcAccess() {
  }

  /** CLIENT for what libdaos sends, SERVER for everything else. */
  public static Access of(int opcode) {
    return CLIENT.contains(opcode) ? Access.CLIENT : Access.SERVER;
  }

  public static boolean clientFacing(int opcode) {
    return CLIENT.contains(opcode);
  }

  /** The client-facing opcodes. */
  public static Set<Opcode> clientOpcodes() {
    return CLIENT.stream().map(Opcode::fromCode).collect(Collectors.toUnmodifiableSet());
  }

  private static Set<Integer> codes(Opcode... ops) {
    return Stream.of(ops).map(Opcode::code).collect(Collectors.toUnmodifiableSet());
  }
}
