package io.daos.control.h2c;

import io.grpc.Status;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One request's stream on an {@link H2Connection}: its header block, the DATA it still has to send (held back
 * by the peer's flow-control windows) and its share of our receive window. Guarded by the connection's lock.
 */
final class H2Stream {
  /** What the connection reports about a stream; called on the connection's reader thread, in frame order. */
  interface Handler {
    void onHeaders(List<String[]> fields, boolean endStream);

    void onData(byte[] buf, int off, int len, boolean endStream);

    /** The peer reset the stream (RST_STREAM with an RFC 9113 §7 error code). */
    void onReset(long errorCode);

    /** The stream cannot complete: the connection failed, closed or went away before it was processed. */
    void onFailure(Status status);
  }

  final byte[] headerBlock;
  final Handler handler;
  int id;
  long sendWindow;
  int recvUnacked;
  private final ArrayDeque<byte[]> outbound = new ArrayDeque<>();
  private int headOffset;
  private long pending;
  private boolean halfClosed;
  private boolean endSent;

  H2Stream(byte[] headerBlock, Handler handler) {
    this.headerBlock = headerBlock;
    this.handler = handler;
  }

  void queue(byte[] data, boolean end) {
    if (data.length > 0) {
      outbound.add(data);
      pending += data.length;
    }
    halfClosed |= end;
  }

  long pending() {
    return pending;
  }

  /** True if END_STREAM is due: everything queued went out and the caller half-closed. */
  boolean endDue() {
    return halfClosed && pending == 0 && !endSent;
  }

  void endSent() {
    endSent = true;
  }

  /** Takes up to {@code max} queued octets into {@code dst}, returning how many. */
  int take(byte[] dst, int max) {
    int n = 0;
    while (n < max && !outbound.isEmpty()) {
      byte[] head = outbound.peek();
      int k = Math.min(max - n, head.length - headOffset);
      System.arraycopy(head, headOffset, dst, n, k);
      n += k;
      headOffset += k;
      if (headOffset == head.length) {
        outbound.poll();
        headOffset = 0;
      }
    }
    pending -= n;
    return n;
  }
}
