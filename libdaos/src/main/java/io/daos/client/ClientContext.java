package io.daos.client;

import io.daos.client.pool.RetryPolicy;
import io.daos.client.rpc.EngineRpc;
import io.daos.proto.auth.Credential;
import java.util.random.RandomGenerator;

/**
 * What every pool, container and object of one {@link DaosClient} shares.
 *
 * @param sys DAOS system name
 * @param rpc the client's CART-J RPC sender
 * @param credential the agent-signed credential sent on pool connect (default instance without an agent)
 * @param retry pool-service retry policy
 * @param random replica choice for reads
 * @param oidBatch how many OIDs a container reserves per CONT_OID_ALLOC
 */
record ClientContext(String sys, EngineRpc rpc, Credential credential, RetryPolicy retry, RandomGenerator random,
                     int oidBatch) {
}
