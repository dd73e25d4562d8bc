package io.daos.engine.pool.svc;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The stored form of a pool handle: flags, capas, user, group, supplementary groups, machine. */
final class HandleCodec {
  private HandleCodec() {
  }

  static byte[] encode(PoolHandleInfo h) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(h.flags());
      out.writeLong(h.capas());
      out.writeUTF(h.user());
      out.writeUTF(h.group());
      out.writeInt(h.groups().size());
      for (String g : h.groups()) {
        out.writeUTF(g);
      }
      out.writeUTF(h.machine());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static PoolHandleInfo decode(UUID hdl, byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      long flags = in.readLong();
      long capas = in.readLong();
      String user = in.readUTF();
      String group = in.readUTF();
      int n = in.readInt();
      List<String> groups = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        groups.add(in.readUTF());
      }
      return new PoolHandleInfo(hdl, flags, capas, user, group, groups, in.readUTF());
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "pool handle " + hdl + " record is corrupt: " + e.getMessage());
    }
  }
}
