/**
 * The RPC plumbing every libdaos package uses, as DAOS's {@code src/client/api/rpc.c} over CaRT: one CART-J
 * sender per client ({@code EngineRpc}) with decoded replies ({@code RpcReply}) and zero-copy reply bulk
 * ({@code BulkSink}), the engine URIs by rank ({@code RankUris}), the async-to-blocking bridge ({@code Futures}) and
 * the pool and container identifiers callers and replies give ({@code Ids}).
 */
package io.daos.client.rpc;
