package io.daos.engine.rebuild;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.VersionRecord;
import io.daos.placement.ec.EcCodec;
import io.daos.placement.ec.EcCodecs;
import io.daos.placement.object.DkeyHash;
import io.daos.placement.object.ObjectId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The versions of one lost shard of an EC object's redundancy group, computed from the histories of at least k
 * surviving members (DAOS rebuild of an EC shard: the lost cells are rebuilt from the others rather than copied from
 * a replica, which an EC shard does not have). Punches are copied at their epochs (every member of the group gets
 * them). Single values: a small one is copied from a surviving whole copy when the lost member is data cell 0 or a
 * parity cell; a large one's share is reconstructed from the k or more shares written at the same epoch. Arrays:
 * {@link EcArrayRebuild}. The result is in epoch order, punches first within one epoch.
 */
final class EcShardRebuild {
  private final ObjectId oid;
  private final EcCodec codec;
  private final int k;
  private final int groupSize;
  private final long cellRec;
  private final int lost;
  private final Map<Integer, List<VersionRecord>> survivors;

  /**
   * @param lostMember the member (shard number modulo the group size) to re-create
   * @param survivors each surviving member's whole history
   */
  EcShardRebuild(ObjectId oid, long cellRec, int lostMember, Map<Integer, List<VersionRecord>> survivors) {
    this.oid = oid;
    this.codec = EcCodecs.get(oid.objectClass().redundancy());
    this.k = codec.dataCells();
    this.groupSize = codec.dataCells() + codec.parityCells();
    this.cellRec = cellRec;
    this.lost = lostMember;
    this.survivors = survivors;
    if (survivors.containsKey(lostMember) || survivors.size() < k) {
      throw new DaosException(DaosStatus.DATA_LOSS, "EC rebuild of " + oid + " member " + lostMember + ": "
          + survivors.size() + " surviving shards " + survivors.keySet() + ", " + k + " needed");
    }
  }

  private record Key(ByteBuffer dkey, ByteBuffer akey) {
  }

  /** The lost member's versions. */
  List<VersionRecord> records() {
    boolean[] present = new boolean[groupSize];
    survivors.keySet().forEach(m -> present[m] = true);
    List<VersionRecord> out = new ArrayList<>();
    Set<String> seenPunch = new HashSet<>();
    TreeSet<Long> objPunch = new TreeSet<>();
    Map<ByteBuffer, TreeSet<Long>> dkeyPunch = new java.util.HashMap<>();
    Map<Key, TreeSet<Long>> akeyPunch = new java.util.HashMap<>();
    Map<Key, Map<Integer, List<VersionRecord>>> values = new LinkedHashMap<>();
    survivors.forEach((m, recs) -> {
      for (VersionRecord r : recs) {
        ByteBuffer d = ByteBuffer.wrap(r.dkey());
        Key key = new Key(d, ByteBuffer.wrap(r.akey()));
        switch (r.kind()) {
          case OBJ_PUNCH -> objPunch.add(r.epoch());
          case DKEY_PUNCH -> dkeyPunch.computeIfAbsent(d, x -> new TreeSet<>()).add(r.epoch());
          case AKEY_PUNCH -> akeyPunch.computeIfAbsent(key, x -> new TreeSet<>()).add(r.epoch());
          default -> values.computeIfAbsent(key, x -> new TreeMap<>()).computeIfAbsent(m, x -> new ArrayList<>())
              .add(r);
        }
        if (r.kind().ordinal() <= VersionRecord.Kind.AKEY_PUNCH.ordinal()
            && seenPunch.add(r.kind() + "/" + r.epoch() + "/" + Arrays.toString(r.dkey()) + "/"
            + Arrays.toString(r.akey()))) {
          out.add(r);
        }
      }
    });
    values.forEach((key, byMember) -> {
      TreeSet<Long> punches = new TreeSet<>(objPunch);
      punches.addAll(dkeyPunch.getOrDefault(key.dkey(), new TreeSet<>()));
      punches.addAll(akeyPunch.getOrDefault(key, new TreeSet<>()));
      akey(key, byMember, present, punches.stream().mapToLong(Long::longValue).toArray(), out);
    });
    out.sort(Comparator.comparingLong(VersionRecord::epoch).thenComparing(r -> r.kind().ordinal()));
    return out;
  }

  private void akey(Key key, Map<Integer, List<VersionRecord>> byMember, boolean[] present, long[] punches,
      List<VersionRecord> out) {
    byte[] dkey = bytes(key.dkey());
    byte[] akey = bytes(key.akey());
    int[] cellOf = EcRebuildLayout.cellOfMember(DkeyHash.hash(oid, dkey), groupSize);
    EcArrayRebuild array = new EcArrayRebuild(codec, cellRec, cellOf, lost, present, dkey, akey, punches);
    TreeMap<Long, Map<Integer, VersionRecord>> singles = new TreeMap<>();
    byMember.forEach((m, recs) -> {
      for (VersionRecord r : recs) {
        if (r.kind() == VersionRecord.Kind.ARRAY) {
          array.add(m, r);
        } else {
          singles.computeIfAbsent(r.epoch(), x -> new TreeMap<>()).put(m, r);
        }
      }
    });
    out.addAll(array.rebuild());
    singles.forEach((e, shares) -> single(e, shares, cellOf, dkey, akey, out));
  }

  /** The lost member's version of a single value written at {@code e} ({@code shares}: the survivors' versions). */
  private void single(long e, Map<Integer, VersionRecord> shares, int[] cellOf, byte[] dkey, byte[] akey,
      List<VersionRecord> out) {
    if (shares.values().stream().anyMatch(VersionRecord::hole)) {
      out.add(new VersionRecord(VersionRecord.Kind.SINGLE, e, dkey, akey, 0, 0, 0, null, true));
      return;
    }
    long size = EcRebuildLayout.sizeOf(shares.values().iterator().next().data());
    int mine = cellOf[lost];
    if (EcRebuildLayout.oneTarget(size, k)) {
      if (mine == 0 || mine >= k) {
        out.add(singleValue(e, dkey, akey, wholeCopy(shares, cellOf, size)));
      }
      return;
    }
    int bytes = EcRebuildLayout.shareBytes(size, k);
    ByteBuffer[] cells = new ByteBuffer[groupSize];
    int[] gone = new int[groupSize];
    int g = 0;
    for (int m = 0; m < groupSize; m++) {
      VersionRecord r = shares.get(m);
      if (r != null && r.size() == bytes + EcRebuildLayout.TRAILER) {
        cells[cellOf[m]] = ByteBuffer.wrap(r.data(), 0, bytes);
      } else {
        cells[cellOf[m]] = ByteBuffer.allocate(bytes);
        gone[g++] = cellOf[m];
      }
    }
    if (g > codec.parityCells()) {
      throw new DaosException(DaosStatus.DATA_LOSS, "EC rebuild of " + oid + ": the single value of akey "
          + Arrays.toString(akey) + " at epoch " + e + " has " + (groupSize - g) + " surviving shares, " + k
          + " needed");
    }
    codec.reconstruct(cells, Arrays.copyOf(gone, g));
    byte[] cell = new byte[bytes];
    cells[mine].duplicate().get(cell);
    out.add(singleValue(e, dkey, akey, EcRebuildLayout.withTrailer(cell, size)));
  }

  private byte[] wholeCopy(Map<Integer, VersionRecord> shares, int[] cellOf, long size) {
    for (Map.Entry<Integer, VersionRecord> s : shares.entrySet()) {
      int c = cellOf[s.getKey()];
      if ((c == 0 || c >= k) && s.getValue().size() == size + EcRebuildLayout.TRAILER) {
        return s.getValue().data();
      }
    }
    throw new DaosException(DaosStatus.DATA_LOSS, "EC rebuild of " + oid + ": no surviving whole copy of a "
        + size + "-byte single value");
  }

  private static VersionRecord singleValue(long e, byte[] dkey, byte[] akey, byte[] data) {
    return new VersionRecord(VersionRecord.Kind.SINGLE, e, dkey, akey, data.length, 0, 1, data, false);
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
