/**
 * The versioned object store, DAOS's {@code src/vos}: {@link io.daos.engine.vos.VosPool} ({@code vos_pool.c}),
 * {@link io.daos.engine.vos.VosContainer} ({@code vos_container.c}), one class per object operation
 * ({@code vos_obj.c}, {@code vos_io.c}, {@code vos_query.c}, {@code vos_iterator.c}) and the types they take and
 * return. Below it: {@code vos.tree} (key layout, incarnation log, extents), {@code vos.store} (a target's store and
 * group commit), {@code vos.blob} (the blob file and its allocator), {@code vos.lmdb} (LMDB through byte arrays).
 */
package io.daos.engine.vos;
