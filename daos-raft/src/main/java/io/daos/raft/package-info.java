/**
 * The one Apache Ratis integration of jdaos: a replicated, snapshotted database, as DAOS's {@code src/rdb} gives
 * each pool service and the Go control plane's use of hashicorp raft ({@code src/control/system/raft}) gives the
 * management service. Both users build on the same three pieces:
 * <ul>
 *   <li>{@link io.daos.raft.SnapshottingStateMachine}: the state machine base with single-file snapshots,
 *       pause/reinitialize around a snapshot installed from the leader, and {@link io.daos.raft.RaftChanges} to
 *       wait until the replica's state moves;</li>
 *   <li>{@link io.daos.raft.RaftSettings}: the Raft properties of a replica (Netty RPC, storage, snapshots,
 *       election timing, never closing a replica after a long JVM pause);</li>
 *   <li>{@link io.daos.raft.Peers}: Raft peers, their addresses (service port + 1) and group ids.</li>
 * </ul>
 * The MS database ({@code io.daos.server.sysdb}) and the pool service database ({@code io.daos.engine.rdb}) keep
 * only what is theirs: their state, how they apply an entry and how they write a snapshot.
 */
package io.daos.raft;
