package io.daos.control.h2c;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes RFC 9113 frames (§4.1: 24-bit payload length, type, flags, 31-bit stream id, payload) to a buffered
 * stream; the frame types and flags a client uses. Not thread-safe: {@link H2Connection} writes under its lock.
 */
final class FrameWriter {
  /** §3.4: what a client sends first on a prior-knowledge connection, before its SETTINGS. */
  static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  static final int DATA = 0x0;
  static final int HEADERS = 0x1;
  static final int RST_STREAM = 0x3;
  static final int SETTINGS = 0x4;
  static final int PUSH_PROMISE = 0x5;
  static final int PING = 0x6;
  static final int GOAWAY = 0x7;
  static final int WINDOW_UPDATE = 0x8;
  static final int CONTINUATION = 0x9;
  static final int END_STREAM = 0x1;
  static final int ACK = 0x1;
  static final int END_HEADERS = 0x4;
  static final int PADDED = 0x8;
  static final int PRIORITY = 0x20;
  private static final int SETTINGS_ENABLE_PUSH = 0x2;
  private static final int SETTINGS_INITIAL_WINDOW_SIZE = 0x4;

  private final OutputStream out;

  FrameWriter(OutputStream out) {
    this.out = out;
  }

  /** The preface and our SETTINGS: no server push, and {@code window} as every stream's receive window. */
  void preface(int window) throws IOException {
    out.write(PREFACE);
    byte[] p = new byte[12];
    setting(p, 0, SETTINGS_ENABLE_PUSH, 0);
    setting(p, 6, SETTINGS_INITIAL_WINDOW_SIZE, window);
    frame(SETTINGS, 0, 0, p, 0, p.length);
  }

  void frame(int type, int flags, int id, byte[] p, int off, int len) throws IOException {
    byte[] h = {(byte) (len >>> 16), (byte) (len >>> 8), (byte) len, (byte) type, (byte) flags, 0, 0, 0, 0};
    putInt32(h, 5, id);
    out.write(h);
    out.write(p, off, len);
  }

  /** A frame whose payload is one 32-bit value (RST_STREAM, WINDOW_UPDATE). */
  void int32Frame(int type, int id, int value) throws IOException {
    byte[] p = new byte[4];
    putInt32(p, 0, value);
    frame(type, 0, id, p, 0, 4);
  }

  /** A header block as HEADERS and as many CONTINUATIONs as the peer's frame size needs (§6.2, §6.10). */
  void headers(int id, byte[] block, int maxFrame) throws IOException {
    int n = Math.min(block.length, maxFrame);
    frame(HEADERS, n == block.length ? END_HEADERS : 0, id, block, 0, n);
    for (int off = n; off < block.length; off += n) {
      n = Math.min(block.length - off, maxFrame);
      frame(CONTINUATION, off + n == block.length ? END_HEADERS : 0, id, block, off, n);
    }
  }

  void goAway(int lastStream, int errorCode) throws IOException {
    byte[] p = new byte[8];
    putInt32(p, 0, lastStream);
    putInt32(p, 4, errorCode);
    frame(GOAWAY, 0, 0, p, 0, 8);
  }

  void flush() throws IOException {
    out.flush();
  }

  private static void setting(byte[] b, int off, int key, int value) {
    b[off] = (byte) (key >>> 8);
    b[off + 1] = (byte) key;
    putInt32(b, off + 2, value);
  }

  static void putInt32(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }

  static int int32(byte[] b, int off) {
    return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
  }
}
