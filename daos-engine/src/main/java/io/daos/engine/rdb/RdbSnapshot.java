package io.daos.engine.rdb;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The snapshot file of an rdb: a magic word, the entry count, then (key, length, value) per entry, in key order. */
final class RdbSnapshot {
  private static final int MAGIC = 0x52444231; // "RDB1"

  private RdbSnapshot() {
  }

  static void write(Path file, TreeMap<String, byte[]> map) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(MAGIC);
      out.writeInt(map.size());
      for (Map.Entry<String, byte[]> e : map.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().length);
        out.write(e.getValue());
      }
    }
  }

  static TreeMap<String, byte[]> read(Path file) throws IOException {
    TreeMap<String, byte[]> map = new TreeMap<>();
    long size = Files.size(file);
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("rdb snapshot " + file + " is not an rdb snapshot (bad magic)");
      }
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String key = in.readUTF();
        int len = in.readInt();
        if (len < 0 || len > size) {
          throw new IOException("rdb snapshot " + file + ": bad value length " + len + " for key " + key);
        }
        map.put(key, in.readNBytes(len));
      }
    }
    return map;
  }
}
