package io.daos.client;

import io.daos.client.pool.RetryPolicy;
import io.daos.client.rpc.EngineRpc;
import io.daos.proto.auth.Credential;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What every pool, container and object of one {@link DaosClient} shares.
 *
 * @param sys DAOS system name
 * @param rpc the client's CART-J RPC sender
 * @param credentials asks the agent for a signed credential; called once per pool connect, as DAOS's
 *     dc_pool_connect calls dc_sec_request_creds (a jdaos credential is single-use and short-lived)
 * @param retry pool-service retry policy
 * @param random replica choice for reads
 * @param oidBatch how many OIDs a container reserves per CONT_OID_ALLOC
 */
record ClientContext(String sys, EngineRpc rpc, Supplier<Credential> credentials, RetryPolicy retry, RandomGenerator random,
                     int oidBatch) {
}
