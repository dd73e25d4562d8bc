/**
 * The engine's background aggregation of its targets' containers (DAOS {@code cont_aggregate_interval}) and the
 * container view (snapshots, reclaim property) it fetches from the pool service.
 */
package io.daos.engine.cont.agg;
