/**
 * The replicated database of each pool service, DAOS's {@code src/rdb}: one Ratis server per engine, one Raft
 * group per pool, on the shared Ratis integration of {@code io.daos.raft}.
 */
package io.daos.engine.rdb;
