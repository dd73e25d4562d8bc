/**
 * One target's VOS store: the LMDB environment with its index and meta databases, the blob file and its allocator
 * (the role of DAOS's umem pool in {@code vos_pool.c}), where a value is stored (inline or in the blob), and the
 * group commit of queued writes (DAOS's per-xstream {@code vos_tls}).
 */
package io.daos.engine.vos.store;
