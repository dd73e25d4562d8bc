package io.daos.engine.rebuild;

import com.google.protobuf.ByteString;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.VersionRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A page of {@link VersionRecord}s on the wire ({@code jdaos.rebuild.VersionRecord}). A record whose dkey (akey) is
 * the one of the record before it is sent with an empty dkey (akey): DAOS keys are never empty, and a 1 MiB key then
 * crosses the wire once per page, not once per version under it.
 */
final class HistoryCodec {
  private HistoryCodec() {
  }

  static List<io.daos.proto.rebuild.VersionRecord> encode(List<VersionRecord> page) {
    List<io.daos.proto.rebuild.VersionRecord> out = new ArrayList<>(page.size());
    byte[] dkey = null;
    byte[] akey = null;
    for (VersionRecord r : page) {
      out.add(encode(r, !Arrays.equals(r.dkey(), dkey), !Arrays.equals(r.akey(), akey)));
      dkey = r.dkey();
      akey = r.akey();
    }
    return out;
  }

  private static io.daos.proto.rebuild.VersionRecord encode(VersionRecord r, boolean newDkey, boolean newAkey) {
    io.daos.proto.rebuild.VersionRecord.Builder b = io.daos.proto.rebuild.VersionRecord.newBuilder()
        .setKind(r.kind().ordinal()).setEpoch(r.epoch()).setRecordSize(r.recordSize()).setStart(r.start())
        .setNr(r.nr()).setHole(r.hole());
    if (r.dkey() != null && newDkey) {
      b.setDkey(ByteString.copyFrom(r.dkey()));
    }
    if (r.akey() != null && newAkey) {
      b.setAkey(ByteString.copyFrom(r.akey()));
    }
    if (r.data() != null) {
      b.setData(ByteString.copyFrom(r.data()));
    }
    return b.build();
  }

  static List<VersionRecord> decode(List<io.daos.proto.rebuild.VersionRecord> page) {
    List<VersionRecord> out = new ArrayList<>(page.size());
    byte[] dkey = new byte[0];
    byte[] akey = new byte[0];
    for (io.daos.proto.rebuild.VersionRecord p : page) {
      VersionRecord.Kind kind = kind(p.getKind());
      dkey = kind == VersionRecord.Kind.OBJ_PUNCH ? new byte[0] : p.getDkey().isEmpty() ? dkey : p.getDkey().toByteArray();
      akey = !hasAkey(kind) ? new byte[0] : p.getAkey().isEmpty() ? akey : p.getAkey().toByteArray();
      out.add(new VersionRecord(kind, p.getEpoch(), dkey, akey, p.getRecordSize(), p.getStart(), p.getNr(),
          p.getData().toByteArray(), p.getHole()));
    }
    return out;
  }

  private static boolean hasAkey(VersionRecord.Kind k) {
    return k != VersionRecord.Kind.OBJ_PUNCH && k != VersionRecord.Kind.DKEY_PUNCH;
  }

  private static VersionRecord.Kind kind(int ordinal) {
    VersionRecord.Kind[] kinds = VersionRecord.Kind.values();
    if (ordinal >= kinds.length) {
      throw new DaosException(DaosStatus.PROTO, "unknown version record kind " + ordinal);
    }
    return kinds[ordinal];
  }
}
