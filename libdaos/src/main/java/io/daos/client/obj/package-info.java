/**
 * The client side of objects, as DAOS's {@code src/object}: object RPCs to shards with DAOS's replica rules
 * ({@code ShardIo}, {@code cli_shard.c} and the retry parts of {@code cli_obj.c}), the I/O descriptors and what
 * fetch, enumeration and query_key return ({@code Iod}, {@code Recx}, {@code FetchedIod}, {@code Anchor},
 * {@code KeyPage}, {@code RecxPage}, {@code QueryKey}, DAOS's {@code daos_obj.h}), their wire encoding
 * ({@code IodCodec}, {@code Bulk}, {@code obj_rpc.c}) and the key encodings ({@code Keys}).
 */
package io.daos.client.obj;
