package io.daos.engine.rebuild;

import com.google.protobuf.ByteString;
import io.daos.engine.vos.VersionRecord;

/** {@link VersionRecord} on the wire ({@code jdaos.rebuild.VersionRecord}). */
final class HistoryCodec {
  private HistoryCodec() {
  }

  static io.daos.proto.rebuild.VersionRecord encode(VersionRecord r) {
    io.daos.proto.rebuild.VersionRecord.Builder b = io.daos.proto.rebuild.VersionRecord.newBuilder()
        .setKind(r.kind().ordinal()).setEpoch(r.epoch()).setRecordSize(r.recordSize()).setStart(r.start())
        .setNr(r.nr()).setHole(r.hole());
    if (r.dkey() != null) {
      b.setDkey(ByteString.copyFrom(r.dkey()));
    }
    if (r.akey() != null) {
      b.setAkey(ByteString.copyFrom(r.akey()));
    }
    if (r.data() != null) {
      b.setData(ByteString.copyFrom(r.data()));
    }
    return b.build();
  }

  static VersionRecord decode(io.daos.proto.rebuild.VersionRecord p) {
    VersionRecord.Kind[] kinds = VersionRecord.Kind.values();
    if (p.getKind() >= kinds.length) {
      throw new io.daos.common.status.DaosException(io.daos.common.status.DaosStatus.PROTO,
          "unknown version record kind " + p.getKind());
    }
    return new VersionRecord(kinds[p.getKind()], p.getEpoch(), p.getDkey().toByteArray(), p.getAkey().toByteArray(),
        p.getRecordSize(), p.getStart(), p.getNr(), p.getData().toByteArray(), p.getHole());
  }
}
