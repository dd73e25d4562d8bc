package io.daos.control.h2c;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Puts header blocks back together from a HEADERS frame and its CONTINUATIONs (RFC 9113 §4.3, §6.2, §6.10) and
 * decodes each with the connection's one HPACK decoder, whichever stream it is for: the dynamic table must stay in
 * step with the server's even for streams we have reset.
 */
final class HeaderBlocks {
  /** A decoded block: its stream, whether it ends the stream, and its fields. */
  record Block(int stream, boolean endStream, List<String[]> fields) {
  }

  private static final int MAX_BLOCK = 1 << 20;
  private final HpackDecoder hpack = new HpackDecoder(4096);
  private int stream;
  private boolean endStream;
  private ByteArrayOutputStream block;

  /** True between a HEADERS without END_HEADERS and the CONTINUATION that ends its block. */
  boolean open() {
    return stream != 0;
  }

  /** A HEADERS frame: its block, or null until its CONTINUATIONs complete it. */
  Block headers(int flags, int id, byte[] p) throws H2Error {
    if (id == 0) {
      throw new H2Error(H2Error.PROTOCOL_ERROR, "HEADERS on stream 0");
    }
    int off = payloadStart(flags, p, id) + ((flags & FrameWriter.PRIORITY) != 0 ? 5 : 0);
    int end = p.length - padLength(flags, p);
    if (off > end) {
      throw new H2Error(H2Error.PROTOCOL_ERROR, "HEADERS padding longer than the frame");
    }
    block = new ByteArrayOutputStream(end - off);
    block.write(p, off, end - off);
    stream = id;
    endStream = (flags & FrameWriter.END_STREAM) != 0;
    return (flags & FrameWriter.END_HEADERS) != 0 ? done() : null;
  }

  Block continuation(int flags, int id, byte[] p) throws H2Error {
    if (stream == 0 || id != stream) {
      throw new H2Error(H2Error.PROTOCOL_ERROR, "CONTINUATION on stream " + id + " outside its header block");
    }
    if (block.size() + p.length > MAX_BLOCK) {
      throw new H2Error(H2Error.ENHANCE_YOUR_CALM, "a header block over " + MAX_BLOCK + " octets");
    }
    block.write(p, 0, p.length);
    return (flags & FrameWriter.END_HEADERS) != 0 ? done() : null;
  }

  private Block done() throws H2Error {
    Block b = new Block(stream, endStream, hpack.decode(block.toByteArray()));
    stream = 0;
    block = null;
    return b;
  }

  /** Where a DATA or HEADERS payload starts: after its pad length, if PADDED (§6.1). */
  static int payloadStart(int flags, byte[] p, int id) throws H2Error {
    if ((flags & FrameWriter.PADDED) == 0) {
      return 0;
    }
    if (p.length < 1 || (p[0] & 0xff) >= p.length) {
      throw new H2Error(H2Error.PROTOCOL_ERROR, "padding longer than the frame on stream " + id);
    }
    return 1;
  }

  static int padLength(int flags, byte[] p) {
    return (flags & FrameWriter.PADDED) == 0 ? 0 : p[0] & 0xff;
  }
}
