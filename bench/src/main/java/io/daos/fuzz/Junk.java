package io.daos.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/** Random inputs: raw bytes with a size mix weighted to small, protobuf-shaped bytes, and bodies that never parse. */
final class Junk {
  private Junk() {
  }

  /** 10% empty, then mostly under 256 bytes, sometimes up to 64 KiB. */
  static int size(Random r) {
    int pick = r.nextInt(100);
    if (pick < 10) {
      return 0;
    }
    if (pick < 60) {
      return 1 + r.nextInt(16);
    }
    if (pick < 95) {
      return 17 + r.nextInt(240);
    }
    return 257 + r.nextInt(64 * 1024);
  }

  static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  /**
   * Protobuf wire format with random fields 1..20 of every wire type and random values (nested messages inside
   * length-delimited fields), so that a good share parse and reach the handlers, or fail deep inside them.
   */
  static byte[] protobufShaped(Random r, int depth) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int fields = r.nextInt(6);
    for (int i = 0; i < fields; i++) {
      int field = 1 + r.nextInt(20);
      int type = new int[] {0, 1, 2, 5}[r.nextInt(4)];
      varint(out, (long) field << 3 | type);
      switch (type) {
        case 0 -> varint(out, r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(300));
        case 1 -> out.writeBytes(bytes(r, 8));
        case 5 -> out.writeBytes(bytes(r, 4));
        default -> {
          byte[] v = depth < 2 && r.nextBoolean() ? protobufShaped(r, depth + 1) : bytes(r, r.nextInt(40));
          varint(out, v.length);
          out.writeBytes(v);
        }
      }
    }
    return out.toByteArray();
  }

  /** A body that never decodes: it starts with tag 0, which protobuf refuses ("invalid tag (zero)"). */
  static byte[] undecodable(Random r) {
    byte[] tail = bytes(r, r.nextInt(64));
    byte[] b = new byte[tail.length + 1];
    System.arraycopy(tail, 0, b, 1, tail.length);
    return b;
  }

  /** A random body of one of the shapes above: raw, protobuf-shaped, or a valid message with bits flipped. */
  static byte[] body(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> bytes(r, size(r));
      case 1 -> protobufShaped(r, 0);
      default -> flip(r, protobufShaped(r, 0));
    };
  }

  static byte[] flip(Random r, byte[] b) {
    if (b.length > 0) {
      for (int i = 1 + r.nextInt(3); i > 0; i--) {
        b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
      }
    }
    return b;
  }

  private static void varint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7fL) != 0) {
      out.write((int) (v & 0x7f | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}
