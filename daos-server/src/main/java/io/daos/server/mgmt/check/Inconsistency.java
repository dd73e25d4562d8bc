package io.daos.server.mgmt.check;

import io.daos.proto.chk.CheckInconsistClass;
import java.util.List;
import java.util.UUID;

/**
 * One pool-level inconsistency the pool-list scan found. {@code msLabel} is what the MS records (null when it knows
 * no such pool), {@code psLabel} what the pool service records (null when no service replica answered),
 * {@code svcReps} the replicas the service records, {@code shardRanks} the ranks that hold the pool's shards.
 */
record Inconsistency(CheckInconsistClass cls, UUID pool, String msLabel, String psLabel, List<Integer> svcReps,
    List<Integer> shardRanks) {

  Inconsistency {
    svcReps = List.copyOf(svcReps);
    shardRanks = List.copyOf(shardRanks);
  }

  /** A pool service replica answered for the pool. */
  boolean psFound() {
    return psLabel != null;
  }
}
