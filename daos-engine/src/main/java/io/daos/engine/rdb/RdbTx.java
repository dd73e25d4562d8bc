package io.daos.engine.rdb;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;

/**
 * One atomic change to an {@link Rdb}: puts, deletes and prefix deletes, applied in order, optionally guarded
 * by keys that must be absent (then the whole change is skipped when one exists: idempotent initialisation).
 * Encodes to and from bytes for the Raft log.
 */
public final class RdbTx {
  /** One operation of a transaction. */
  public record Op(Kind kind, String key, byte[] value) {
  }

  /** What an {@link Op} does. */
  public enum Kind { PUT, DELETE, DELETE_PREFIX, REQUIRE_ABSENT }

  private final List<Op> ops = new ArrayList<>();

  public RdbTx put(String key, byte[] value) {
    ops.add(new Op(Kind.PUT, key, value.clone()));
    return this;
  }

  public RdbTx put(String key, String value) {
    return put(key, value.getBytes(StandardCharsets.UTF_8));
  }

  public RdbTx delete(String key) {
    ops.add(new Op(Kind.DELETE, key, null));
    return this;
  }

  /** Deletes every key starting with {@code prefix}. */
  public RdbTx deletePrefix(String prefix) {
    ops.add(new Op(Kind.DELETE_PREFIX, prefix, null));
    return this;
  }

  /** Makes the whole transaction a no-op if {@code key} exists when it is applied. */
  public RdbTx requireAbsent(String key) {
    ops.add(new Op(Kind.REQUIRE_ABSENT, key, null));
    return this;
  }

  public List<Op> ops() {
    return Collections.unmodifiableList(ops);
  }

  public boolean isEmpty() {
    return ops.isEmpty();
  }

  /**
   * Applies the operations to {@code map} in order, unless a {@link #requireAbsent} key exists; returns whether
   * it applied.
   */
  public boolean applyTo(NavigableMap<String, byte[]> map) {
    for (Op op : ops) {
      if (op.kind() == Kind.REQUIRE_ABSENT && map.containsKey(op.key())) {
        return false;
      }
    }
    for (Op op : ops) {
      switch (op.kind()) {
        case PUT -> map.put(op.key(), op.value());
        case DELETE -> map.remove(op.key());
        case DELETE_PREFIX -> map.subMap(op.key(), true, op.key() + Character.MAX_VALUE, true).clear();
        case REQUIRE_ABSENT -> { }
        default -> throw new IllegalStateException(op.kind().toString());
      }
    }
    return true;
  }

  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(ops.size());
      for (Op op : ops) {
        out.writeByte(op.kind().ordinal());
        out.writeUTF(op.key());
        if (op.kind() == Kind.PUT) {
          out.writeInt(op.value().length);
          out.write(op.value());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static RdbTx decode(byte[] data) throws IOException {
    RdbTx tx = new RdbTx();
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(data))) {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        int k = in.readUnsignedByte();
        if (k >= Kind.values().length) {
          throw new IOException("rdb tx: unknown op kind " + k);
        }
        Kind kind = Kind.values()[k];
        String key = in.readUTF();
        byte[] value = null;
        if (kind == Kind.PUT) {
          int len = in.readInt();
          if (len < 0 || len > data.length) {
            throw new IOException("rdb tx: bad value length " + len);
          }
          value = in.readNBytes(len);
        }
        tx.ops.add(new Op(kind, key, value));
      }
    }
    return tx;
  }
}
