package io.daos.control.h2c;

import io.grpc.Status;
import java.util.ArrayDeque;

/**
 * gRPC's length-prefixed messages (1-byte compressed flag, 4-byte big-endian length, the message) out of the
 * DATA payloads of one answer.
 */
final class MessageDeframer {
  private final byte[] prefix = new byte[5];
  private int prefixFill;
  private byte[] body;
  private int bodyFill;
  private final ArrayDeque<byte[]> done = new ArrayDeque<>();
  private final int max;

  MessageDeframer(int max) {
    this.max = max;
  }

  /** Takes DATA octets; a status if they break gRPC's framing or the size limit. */
  Status add(byte[] buf, int off, int len) {
    int end = off + len;
    while (off < end) {
      if (body == null) {
        int k = Math.min(5 - prefixFill, end - off);
        System.arraycopy(buf, off, prefix, prefixFill, k);
        prefixFill += k;
        off += k;
        if (prefixFill < 5) {
          break;
        }
        Status bad = startBody();
        if (bad != null) {
          return bad;
        }
      } else {
        int k = Math.min(body.length - bodyFill, end - off);
        System.arraycopy(buf, off, body, bodyFill, k);
        bodyFill += k;
        off += k;
      }
      if (body != null && bodyFill == body.length) {
        done.add(body);
        body = null;
        prefixFill = 0;
      }
    }
    return null;
  }

  private Status startBody() {
    if ((prefix[0] & 0xfe) != 0) {
      return Status.INTERNAL.withDescription("h2c: invalid gRPC message flags " + (prefix[0] & 0xff));
    }
    if (prefix[0] == 1) {
      return Status.INTERNAL.withDescription("h2c: a compressed message, though we asked for none");
    }
    long n = ((prefix[1] & 0xffL) << 24) | ((prefix[2] & 0xff) << 16) | ((prefix[3] & 0xff) << 8)
        | (prefix[4] & 0xff);
    if (n > max) {
      return Status.RESOURCE_EXHAUSTED.withDescription("h2c: the answer's message of " + n
          + " octets is over the " + max + " allowed");
    }
    body = new byte[(int) n];
    bodyFill = 0;
    return null;
  }

  byte[] next() {
    return done.poll();
  }

  boolean partial() {
    return prefixFill > 0 || body != null;
  }
}
