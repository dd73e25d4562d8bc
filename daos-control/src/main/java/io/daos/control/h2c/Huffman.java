package io.daos.control.h2c;

import java.io.ByteArrayOutputStream;

/**
 * The decoder of HPACK's Huffman code (RFC 7541 §5.2, Appendix B). Appendix B's code is canonical: codes are
 * handed out in order of length, and within one length in order of symbol, so the table is written here as the
 * length in bits of each symbol's code (0-255, then EOS as 256) and the codes are rebuilt from the lengths.
 */
final class Huffman {
  static final int EOS = 256;
  /** RFC 7541 Appendix B, column "len in bits", symbols 0 to 256 (EOS). */
  static final byte[] LENGTHS = {
      13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28, // 0-15
      28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28, // 16-31
      6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6, // ' ' to '/'
      5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10, // '0' to '?'
      13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, // '@' to 'O'
      7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6, // 'P' to '_'
      15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5, // '`' to 'o'
      6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28, // 'p' to 127
      20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23, // 128-143
      24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24, // 144-159
      22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23, // 160-175
      21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23, // 176-191
      26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25, // 192-207
      19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27, // 208-223
      20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23, // 224-239
      26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26, // 240-255
      30}; // EOS
  private static final int MAX_LEN = 30;
  /** Per length: the first code of that length, how many there are, and where their symbols start. */
  private static final int[] FIRST = new int[MAX_LEN + 1];
  private static final int[] COUNT = new int[MAX_LEN + 1];
  private static final int[] OFFSET = new int[MAX_LEN + 1];
  /** The symbols ordered by (length, symbol): the order in which a canonical code numbers them. */
  private static final int[] SYMBOLS = new int[LENGTHS.length];

  static {
    int code = 0;
    int next = 0;
    for (int len = 1; len <= MAX_LEN; len++) {
      FIRST[len] = code;
      OFFSET[len] = next;
      for (int sym = 0; sym < LENGTHS.length; sym++) {
        if (LENGTHS[sym] == len) {
          SYMBOLS[next++] = sym;
          COUNT[len]++;
        }
      }
      code = (code + COUNT[len]) << 1;
    }
  }

  private Huffman() {
  }

  /** The code of {@code sym} (right-aligned), rebuilt from the lengths: tests compare it with Appendix B. */
  static int code(int sym) {
    int len = LENGTHS[sym];
    for (int i = 0; i < COUNT[len]; i++) {
      if (SYMBOLS[OFFSET[len] + i] == sym) {
        return FIRST[len] + i;
      }
    }
    throw new IllegalArgumentException("no symbol " + sym);
  }

  /**
   * Decodes {@code len} octets of {@code in} from {@code off}. The padding after the last symbol must be the
   * most significant bits of EOS (all ones) and shorter than 8 bits (§5.2); EOS itself must not appear.
   */
  static byte[] decode(byte[] in, int off, int len) throws H2Error {
    ByteArrayOutputStream out = new ByteArrayOutputStream(len * 8 / 5 + 1);
    int code = 0;
    int bits = 0;
    boolean allOnes = true;
    for (int i = off; i < off + len; i++) {
      for (int b = 7; b >= 0; b--) {
        int bit = (in[i] >> b) & 1;
        code = (code << 1) | bit;
        bits++;
        allOnes &= bit == 1;
        int idx = code - FIRST[bits];
        if (idx >= 0 && idx < COUNT[bits]) {
          int sym = SYMBOLS[OFFSET[bits] + idx];
          if (sym == EOS) {
            throw new H2Error(H2Error.COMPRESSION_ERROR, "HPACK: EOS inside a Huffman-coded string");
          }
          out.write(sym);
          code = 0;
          bits = 0;
          allOnes = true;
        } else if (bits >= MAX_LEN) {
          throw new H2Error(H2Error.COMPRESSION_ERROR, "HPACK: invalid Huffman code");
        }
      }
    }
    if (bits > 7 || !allOnes) {
      throw new H2Error(H2Error.COMPRESSION_ERROR, "HPACK: Huffman string padded with other than 1 bits, or with "
          + "8 or more");
    }
    return out.toByteArray();
  }
}
