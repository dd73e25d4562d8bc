/**
 * VOS aggregation (DAOS {@code vos_aggregate}): one slice of a container pass ({@link
 * io.daos.engine.vos.agg.AggregateOp}) and what a slice reports ({@link io.daos.engine.vos.agg.Aggregation}).
 */
package io.daos.engine.vos.agg;
