package io.daos.engine.cont;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.Uuids;
import java.nio.ByteBuffer;
import java.util.UUID;

/** An open container handle as the service records it (DAOS {@code struct container_hdl}). */
public record ContHandleRecord(UUID handle, UUID cont, UUID poolHandle, long flags, long capas) {
  private static final int SIZE = 16 * 3 + 16;

  byte[] encode() {
    ByteBuffer b = ByteBuffer.allocate(SIZE);
    for (UUID u : new UUID[] {handle, cont, poolHandle}) {
      Uuids.put(b, u);
    }
    return b.putLong(flags).putLong(capas).array();
  }

  static ContHandleRecord decode(byte[] v) {
    if (v.length != SIZE) {
      throw new DaosException(DaosStatus.IO, "corrupt container handle record (" + v.length + " bytes)");
    }
    ByteBuffer b = ByteBuffer.wrap(v);
    return new ContHandleRecord(Uuids.get(b), Uuids.get(b), Uuids.get(b), b.getLong(), b.getLong());
  }
}
