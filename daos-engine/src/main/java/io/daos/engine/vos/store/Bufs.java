package io.daos.engine.vos.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Byte ranges of buffers taken back to back (an update's data as the request's buffers hold it). */
public final class Bufs {
  private Bufs() {
  }

  /** Bytes remaining in all of {@code parts}. */
  public static long remaining(ByteBuffer[] parts) {
    long n = 0;
    for (ByteBuffer p : parts) {
      n += p.remaining();
    }
    return n;
  }

  /** Views of bytes [from, from + len) of {@code parts} (positions are not moved). */
  public static ByteBuffer[] slice(ByteBuffer[] parts, long from, int len) {
    List<ByteBuffer> out = new ArrayList<>(parts.length);
    long skip = from;
    int left = len;
    for (ByteBuffer p : parts) {
      int n = p.remaining();
      if (skip >= n) {
        skip -= n;
        continue;
      }
      int take = (int) Math.min(n - skip, left);
      out.add(p.slice(p.position() + (int) skip, take));
      skip = 0;
      left -= take;
      if (left == 0) {
        break;
      }
    }
    if (left > 0) {
      throw new IndexOutOfBoundsException("bytes [" + from + ", " + (from + len) + ") past " + remaining(parts));
    }
    return out.toArray(new ByteBuffer[0]);
  }

  /** Copies bytes [from, from + len) of {@code parts} into {@code dst[to, to + len)}. */
  public static void copy(ByteBuffer[] parts, long from, byte[] dst, int to, int len) {
    int at = to;
    for (ByteBuffer b : slice(parts, from, len)) {
      int n = b.remaining();
      b.get(b.position(), dst, at, n);
      at += n;
    }
  }
}
