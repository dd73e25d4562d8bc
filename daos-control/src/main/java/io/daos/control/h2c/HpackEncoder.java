package io.daos.control.h2c;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes request headers as HPACK literals without indexing and with literal names (RFC 7541 §6.2.2) and no
 * Huffman coding: it keeps no state, so the server's dynamic table for us stays empty.
 */
final class HpackEncoder {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

  HpackEncoder field(String name, String value) {
    out.write(0x00);
    string(name);
    string(value);
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void string(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    integer(b.length, 7, 0x00);
    out.write(b, 0, b.length);
  }

  /** §5.1: {@code v} with an N-bit prefix, {@code high} holding the representation's other bits. */
  private void integer(int v, int prefix, int high) {
    int max = (1 << prefix) - 1;
    if (v < max) {
      out.write(high | v);
      return;
    }
    out.write(high | max);
    v -= max;
    while (v >= 0x80) {
      out.write((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }
}
