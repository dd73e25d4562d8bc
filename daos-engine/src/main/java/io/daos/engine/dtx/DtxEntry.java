package io.daos.engine.dtx;

import io.daos.engine.vos.VosContainer;
import io.daos.engine.vos.tree.VosObjectId;
import io.daos.proto.obj.ShardTgt;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One DTX as a shard knows it (DAOS {@code struct dtx_entry} plus the VOS DTX record): the epoch it wrote at, the
 * object and dkey hash it touched (0: the whole object), its members (leader first) and its state here. Touched only
 * on its target's thread.
 */
final class DtxEntry {
  /** DTX states (DAOS DTX_ST_*); COMMITTABLE is the leader's in-memory state once every shard has succeeded. */
  enum State { PREPARED, COMMITTABLE, COMMITTED }

  /** One shard of the DTX: where it lives. */
  record Member(int rank, int target, int shard) {
    static Member of(ShardTgt t) {
      return new Member(t.getRank(), t.getTgtIdx(), t.getShard());
    }

    ShardTgt toProto() {
      return ShardTgt.newBuilder().setRank(rank).setTgtIdx(target).setShard(shard).build();
    }
  }

  final DtxId id;
  final long epoch;
  final VosObjectId oid;
  final long dkeyHash;
  final List<Member> members;
  /** This shard is the DTX's leader (it executed the client's request). */
  final boolean leader;
  State state;
  /** Leader only: completes with the epoch when every shard has succeeded, or fails; null once settled. */
  CompletableFuture<Long> inflight;
  /** Leader only: when it became committable ({@code Ticker.nanoTime}). */
  long committableAt;
  /** Leader only: a DTX_COMMIT for it is on the wire. */
  boolean committing;

  DtxEntry(DtxId id, long epoch, VosObjectId oid, long dkeyHash, List<Member> members, boolean leader, State state) {
    this.id = id;
    this.epoch = epoch;
    this.oid = oid;
    this.dkeyHash = dkeyHash;
    this.members = List.copyOf(members);
    this.leader = leader;
    this.state = state;
  }

  Member leaderMember() {
    return members.get(0);
  }

  /** The members other than the leader. */
  List<Member> others() {
    return members.subList(1, members.size());
  }

  boolean touches(VosObjectId o, long hash) {
    return oid.equals(o) && (hash == 0 || dkeyHash == 0 || dkeyHash == hash);
  }

  VosContainer.DtxRecord record() {
    ByteBuffer b = ByteBuffer.allocate(1 + 8 + 20 + 8 + 1 + 4 + 12 * members.size());
    b.put((byte) state.ordinal()).putLong(epoch).putLong(oid.hi()).putLong(oid.lo()).putInt(oid.shard())
        .putLong(dkeyHash).put((byte) (leader ? 1 : 0)).putInt(members.size());
    members.forEach(m -> b.putInt(m.rank()).putInt(m.target()).putInt(m.shard()));
    return new VosContainer.DtxRecord(id.toBytes(), b.array());
  }

  static DtxEntry decode(VosContainer.DtxRecord r) {
    ByteBuffer k = ByteBuffer.wrap(r.id());
    DtxId id = new DtxId(new java.util.UUID(k.getLong(), k.getLong()), k.getLong());
    ByteBuffer b = ByteBuffer.wrap(r.value());
    State st = State.values()[b.get()];
    long epoch = b.getLong();
    VosObjectId oid = new VosObjectId(b.getLong(), b.getLong(), b.getInt());
    long hash = b.getLong();
    boolean leader = b.get() == 1;
    int n = b.getInt();
    List<Member> ms = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ms.add(new Member(b.getInt(), b.getInt(), b.getInt()));
    }
    return new DtxEntry(id, epoch, oid, hash, ms, leader, st);
  }

  @Override
  public String toString() {
    return "DTX " + id + " (" + state + ", epoch " + epoch + ", " + oid + ")";
  }
}
