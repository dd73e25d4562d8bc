/**
 * The MS database: members, pool service records, system attributes and versions, replicated with Apache Ratis on
 * the shared base of {@code io.daos.raft} ({@link io.daos.server.sysdb.SystemDatabase}), or in memory for tests
 * ({@link io.daos.server.sysdb.InMemorySystemDb}); log entries, their replies and snapshots as JSON with DAOS's op
 * numbers. Mirrors DAOS {@code src/control/system/raft} ({@code database.go}, {@code raft.go},
 * {@code database_members.go}, {@code database_pools.go}).
 */
package io.daos.server.sysdb;
