/**
 * libdaos's public API, as DAOS's {@code src/client/api} ({@code pool.c}, {@code container.c}, {@code object.c},
 * {@code kv.c}, {@code array.c}): {@link io.daos.client.DaosClient} (the entry point and its builder, with the
 * agent bootstrap of {@code src/client/api/init.c}) and the handles it hands out, {@link io.daos.client.DaosPool},
 * {@link io.daos.client.DaosContainer}, {@link io.daos.client.DaosObject} with its {@link io.daos.client.DaosKv}
 * ({@code src/client/kv}) and {@link io.daos.client.DaosArray} ({@code src/client/array}) views.
 *
 * <p>The handles name each other ({@code DaosPool.openContainer} returns a container, {@code DaosContainer.pool()}
 * its pool, {@code DaosObject.container()} its container), so they share this package; the code they run lives
 * below it, which never imports this package: {@code pool} (DAOS {@code src/pool/cli.c}), {@code cont}
 * ({@code src/container/cli.c}), {@code obj} ({@code src/object/cli_obj.c}, {@code cli_shard.c}) and {@code rpc}
 * (the RPC plumbing all of them use). This package also keeps the few pieces that build or call back into handles:
 * {@code PoolConnect} ({@code dc_pool_connect}), {@code Containers} ({@code dc_cont_create/open/destroy}) and
 * {@code ObjectEnum} ({@code dc_obj_list_*}, {@code dc_obj_query_key}).
 */
package io.daos.client;
