/**
 * The MS's pool RPCs: create, destroy, list and query (with the storage sizing, service-rank choice and fault-domain
 * tree create needs), the pool-service calls (properties, evict, query targets) and the pool ACL calls, with the pool
 * faults. Mirrors DAOS {@code src/control/server/mgmt_pool.go} (and the pool faults of
 * {@code src/control/server/faults.go}).
 */
package io.daos.server.mgmt.pool;
