package io.daos.control.h2c;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Decodes HPACK header blocks (RFC 7541): the static table (Appendix A), one connection's dynamic table with its
 * size updates and evictions (§4), integers (§5.1) and literal or Huffman-coded strings (§5.2). Names and values
 * are octet strings; they are read as ISO-8859-1 so that each char is one octet.
 */
final class HpackDecoder {
  /** RFC 7541 Appendix A: name and value of static indexes 1 to 61. */
  private static final String[] STATIC = {
      ":authority", "", ":method", "GET", ":method", "POST", ":path", "/", ":path", "/index.html",
      ":scheme", "http", ":scheme", "https", ":status", "200", ":status", "204", ":status", "206",
      ":status", "304", ":status", "400", ":status", "404", ":status", "500", "accept-charset", "",
      "accept-encoding", "gzip, deflate", "accept-language", "", "accept-ranges", "", "accept", "",
      "access-control-allow-origin", "", "age", "", "allow", "", "authorization", "", "cache-control", "",
      "content-disposition", "", "content-encoding", "", "content-language", "", "content-length", "",
      "content-location", "", "content-range", "", "content-type", "", "cookie", "", "date", "", "etag", "",
      "expect", "", "expires", "", "from", "", "host", "", "if-match", "", "if-modified-since", "",
      "if-none-match", "", "if-range", "", "if-unmodified-since", "", "last-modified", "", "link", "",
      "location", "", "max-forwards", "", "proxy-authenticate", "", "proxy-authorization", "", "range", "",
      "referer", "", "refresh", "", "retry-after", "", "server", "", "set-cookie", "",
      "strict-transport-security", "", "transfer-encoding", "", "user-agent", "", "vary", "", "via", "",
      "www-authenticate", ""};
  static final int STATIC_ENTRIES = STATIC.length / 2;
  /** §4.1: an entry's size is its name's and value's octets plus 32. */
  static final int ENTRY_OVERHEAD = 32;

  /** Newest first: dynamic index 62 is the head. */
  private final ArrayDeque<String[]> dynamic = new ArrayDeque<>();
  /** The most our SETTINGS_HEADER_TABLE_SIZE allows the encoder to use. */
  private final int limit;
  private int maxSize;
  private int size;

  HpackDecoder(int limit) {
    this.limit = limit;
    this.maxSize = limit;
  }

  /** One header block (the fragments of HEADERS and its CONTINUATIONs put together) as name, value pairs. */
  List<String[]> decode(byte[] block) throws H2Error {
    List<String[]> out = new ArrayList<>();
    Reader r = new Reader(block);
    while (r.pos < block.length) {
      int b = block[r.pos] & 0xff;
      if ((b & 0x80) != 0) {
        out.add(entry(r.integer(7)));
      } else if ((b & 0xc0) == 0x40) {
        String[] h = literal(r, 6);
        add(h);
        out.add(h);
      } else if ((b & 0xe0) == 0x20) {
        if (!out.isEmpty()) {
          throw new H2Error(H2Error.COMPRESSION_ERROR, "HPACK: dynamic table size update after a header field");
        }
        resize(r.integer(5));
      } else {
        out.add(literal(r, 4)); // 0000xxxx without indexing, 0001xxxx never indexed
      }
    }
    return out;
  }

  int size() {
    return size;
  }

  /** The dynamic table, newest first, for tests against RFC 7541 Appendix C. */
  List<String[]> dynamicTable() {
    return List.copyOf(dynamic);
  }

  private String[] literal(Reader r, int prefix) throws H2Error {
    int index = r.integer(prefix);
    String name = index == 0 ? r.string() : entry(index)[0];
    return new String[] {name, r.string()};
  }

  private String[] entry(int index) throws H2Error {
    if (index >= 1 && index <= STATIC_ENTRIES) {
      return new String[] {STATIC[2 * index - 2], STATIC[2 * index - 1]};
    }
    int d = index - STATIC_ENTRIES - 1;
    if (index == 0 || d >= dynamic.size()) {
      throw new H2Error(H2Error.COMPRESSION_ERROR, "HPACK: index " + index + " is in neither table ("
          + dynamic.size() + " dynamic entries)");
    }
    Iterator<String[]> it = dynamic.iterator();
    for (int i = 0; i < d; i++) {
      it.next();
    }
    String[] e = it.next();
    return new String[] {e[0], e[1]};
  }

  private void add(String[] h) {
    int s = h[0].length() + h[1].length() + ENTRY_OVERHEAD;
    evictTo(maxSize - s);
    if (s <= maxSize) {
      dynamic.addFirst(h);
      size += s;
    }
  }

  private void resize(int newMax) throws H2Error {
    if (newMax > limit) {
      throw new H2Error(H2Error.COMPRESSION_ERROR, "HPACK: table size update to " + newMax + " is over the "
          + limit + " we allowed");
    }
    maxSize = newMax;
    evictTo(newMax);
  }

  private void evictTo(int target) {
    while (size > Math.max(target, 0) && !dynamic.isEmpty()) {
      String[] e = dynamic.removeLast();
      size -= e[0].length() + e[1].length() + ENTRY_OVERHEAD;
    }
  }

  /** A cursor over one header block. */
  private static final class Reader {
    private final byte[] buf;
    private int pos;

    Reader(byte[] buf) {
      this.buf = buf;
    }

    /** §5.1: an integer with an N-bit prefix (the representation's other bits are ignored). */
    int integer(int prefix) throws H2Error {
      int max = (1 << prefix) - 1;
      int v = next() & max;
      if (v < max) {
        return v;
      }
      for (int shift = 0; ; shift += 7) {
        int b = next();
        if (shift > 21) {
          throw new H2Error(H2Error.COMPRESSION_ERROR, "HPACK: integer too large");
        }
        v += (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
    }

    /** §5.2: a string literal, Huffman-coded if its H bit is set. */
    String string() throws H2Error {
      if (pos >= buf.length) {
        throw truncated();
      }
      boolean huffman = (buf[pos] & 0x80) != 0;
      int len = integer(7);
      if (len > buf.length - pos) {
        throw truncated();
      }
      byte[] octets = huffman ? Huffman.decode(buf, pos, len) : java.util.Arrays.copyOfRange(buf, pos, pos + len);
      pos += len;
      return new String(octets, StandardCharsets.ISO_8859_1);
    }

    private int next() throws H2Error {
      if (pos >= buf.length) {
        throw truncated();
      }
      return buf[pos++] & 0xff;
    }

    private static H2Error truncated() {
      return new H2Error(H2Error.COMPRESSION_ERROR, "HPACK: header block ends inside a field");
    }
  }
}
