package io.daos.engine.pool.svc;

import io.daos.engine.rdb.Rdb;
import io.daos.proto.pool.Prop;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * This engine's replica of one pool's service (DAOS {@code ds_pool_svc} + {@code ds_cont_svc} sharing one rdb).
 * The pool service implements it; the container service and the RPC handlers use it.
 */
public interface ServiceReplica {
  UUID poolUuid();

  /** The service's replicated database. */
  Rdb rdb();

  /**
   * The service's single thread: every handler body that reads and then commits runs here, so check-then-write
   * sequences do not interleave (DAOS serializes them under the service lock).
   */
  Executor executor();

  /** The pool map version the service holds. */
  int mapVersion();

  /** The ranks holding replicas of this service, leader or not. */
  List<Integer> replicas();

  /**
   * The connected pool handle {@code hdl} (16 bytes), or DER_NO_HDL (as a DaosException) when the pool has no such
   * handle. DER_NOTLEADER when this replica is not the leader.
   */
  PoolHandleInfo poolHandle(byte[] hdl);

  /** A pool property (DAOS_PROP_PO_* type), default included, if the pool has it. */
  Optional<Prop> poolProp(int type);
}
