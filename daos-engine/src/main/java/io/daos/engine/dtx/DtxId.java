package io.daos.engine.dtx;

import io.daos.common.Uuids;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.vos.lmdb.Bytes;
import java.util.UUID;

/** struct dtx_id: the client's uuid for one modification and the HLC time it was made at. */
public record DtxId(UUID uuid, long hlc) {
  /** The 24 bytes VOS keys the entry by: uuid (most significant first), then hlc, big-endian. */
  public byte[] toBytes() {
    return Bytes.concat(Uuids.toBytes(uuid), Bytes.ofLong(hlc));
  }

  public io.daos.proto.obj.DtxId toProto() {
    return io.daos.proto.obj.DtxId.newBuilder().setUuid(Uuids.toByteString(uuid)).setHlc(hlc).build();
  }

  /** The id a request carries; DER_INVAL when its uuid is not 16 bytes. */
  public static DtxId of(io.daos.proto.obj.DtxId p) {
    if (p.getUuid().size() != 16) {
      throw new DaosException(DaosStatus.INVAL, "DTX id uuid must be 16 bytes, got " + p.getUuid().size());
    }
    return new DtxId(Uuids.required(p.getUuid(), "DTX id"), p.getHlc());
  }

  @Override
  public String toString() {
    return uuid + "." + Long.toHexString(hlc);
  }
}
