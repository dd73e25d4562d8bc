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
  /**
   * Other shards of the same object this DTX wrote on this target (during a pool map change, a shard's new home can
   * be the target of another shard of its group: DAOS turns such an update into a compound transaction; here the one
   * DTX covers both shards on the target).
   */
  final List<Integer> moreShards = new ArrayList<>();
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
    return holds(o) && (hash == 0 || dkeyHash == 0 || dkeyHash == hash);
  }

  /** Whether {@code o} is one of the object shards this DTX wrote here. */
  boolean holds(VosObjectId o) {
    return oid.equals(o) || o.hi() == oid.hi() && o.lo() == oid.lo() && moreShards.contains(o.shard());
  }

  /** Every object shard this DTX wrote here: {@link #oid} first. */
  List<VosObjectId> oids() {
    List<VosObjectId> out = new ArrayList<>();
    out.add(oid);
    moreShards.forEach(k -> out.add(new VosObjectId(oid.hi(), oid.lo(), k)));
    return out;
  }

  VosContainer.DtxRecord record() {
    ByteBuffer b = ByteBuffer.allocate(1 + 8 + 20 + 8 + 1 + 4 + 12 * members.size() + 4 + 4 * moreShards.size());
    b.put((byte) state.ordinal()).putLong(epoch).putLong(oid.hi()).putLong(oid.lo()).putInt(oid.shard())
        .putLong(dkeyHash).put((byte) (leader ? 1 : 0)).putInt(members.size());
    members.forEach(m -> b.putInt(m.rank()).putInt(m.target()).putInt(m.shard()));
    b.putInt(moreShards.size());
    moreShards.forEach(b::putInt);
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
    DtxEntry e = new DtxEntry(id, epoch, oid, hash, ms, leader, st);
    if (b.remaining() >= 4) {
      for (int i = b.getInt(); i > 0; i--) {
        e.moreShards.add(b.getInt());
      }
    }
    return e;
  }

  @Override
  public String toString() {
    return "DTX " + id + " (" + state + ", epoch " + epoch + ", " + oid + (moreShards.isEmpty() ? "" : " + shards "
        + moreShards) + ")";
  }
}
