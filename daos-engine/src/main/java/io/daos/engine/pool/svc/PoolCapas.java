package io.daos.engine.pool.svc;

import io.daos.rpc.PoolRpc;

/** Pool capabilities (DAOS POOL_CAPA_*) from ACL permissions and the connect flags, as DAOS's srv_acl.c. */
final class PoolCapas {
  static final long READ = PoolRpc.CAPA_READ;
  static final long CREATE_CONT = PoolRpc.CAPA_CREATE_CONT;
  static final long DEL_CONT = PoolRpc.CAPA_DEL_CONT;
  static final long RO_MASK = READ;

  private PoolCapas() {
  }

  static long fromPermissions(long perms) {
    long capas = 0;
    if ((perms & (PoolAcl.PERM_READ | PoolAcl.PERM_GET_PROP)) != 0) {
      capas |= READ;
    }
    if ((perms & (PoolAcl.PERM_WRITE | PoolAcl.PERM_CREATE_CONT)) != 0) {
      capas |= CREATE_CONT;
    }
    if ((perms & (PoolAcl.PERM_WRITE | PoolAcl.PERM_DEL_CONT)) != 0) {
      capas |= DEL_CONT;
    }
    return capas;
  }

  /** Read-only connects keep only read; read-write (and exclusive) ones get nothing unless they can read and write. */
  static long filter(long flags, long capas) {
    if ((flags & PoolRpc.PC_RO) != 0) {
      return capas & RO_MASK;
    }
    if ((capas & RO_MASK) == 0 || (capas & ~RO_MASK) == 0) {
      return 0;
    }
    return capas;
  }
}
