package io.daos.control.h2c;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.grpc.netty.shaded.io.netty.util.AsciiString;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HPACK decoding checked with RFC 7541 Appendix C's examples, Appendix B's codes and netty's encoder. */
class HpackDecoderTest {
  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  private static void assertFields(List<String[]> got, String... nameValues) {
    assertEquals(nameValues.length / 2, got.size(), () -> "fields " + got.stream().map(f -> f[0] + "=" + f[1])
        .toList());
    for (int i = 0; i < got.size(); i++) {
      assertEquals(nameValues[2 * i], got.get(i)[0]);
      assertEquals(nameValues[2 * i + 1], got.get(i)[1]);
    }
  }

  private static void assertTable(HpackDecoder d, int size, String... nameValues) {
    assertFields(d.dynamicTable(), nameValues);
    assertEquals(size, d.size());
  }

  /** C.3: three requests without Huffman coding on one connection. */
  @Test
  void requestsWithoutHuffman() throws Exception {
    requests(new String[] {"8286 8441 0f77 7777 2e65 7861 6d70 6c65 2e63 6f6d", "8286 84be 5808 6e6f 2d63 6163 6865",
        "8287 85bf 400a 6375 7374 6f6d 2d6b 6579 0c63 7573 746f 6d2d 7661 6c75 65"});
  }

  /** C.4: the same requests with Huffman coding. */
  @Test
  void requestsWithHuffman() throws Exception {
    requests(new String[] {"8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff", "8286 84be 5886 a8eb 1064 9cbf",
        "8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf"});
  }

  private static void requests(String[] blocks) throws Exception {
    HpackDecoder d = new HpackDecoder(4096);
    assertFields(d.decode(hex(blocks[0])),
        ":method", "GET", ":scheme", "http", ":path", "/", ":authority", "www.example.com");
    assertTable(d, 57, ":authority", "www.example.com");
    assertFields(d.decode(hex(blocks[1])),
        ":method", "GET", ":scheme", "http", ":path", "/", ":authority", "www.example.com",
        "cache-control", "no-cache");
    assertTable(d, 110, "cache-control", "no-cache", ":authority", "www.example.com");
    assertFields(d.decode(hex(blocks[2])),
        ":method", "GET", ":scheme", "https", ":path", "/index.html", ":authority", "www.example.com",
        "custom-key", "custom-value");
    assertTable(d, 164, "custom-key", "custom-value", "cache-control", "no-cache", ":authority", "www.example.com");
  }

  private static final String DATE1 = "Mon, 21 Oct 2013 20:13:21 GMT";
  private static final String DATE2 = "Mon, 21 Oct 2013 20:13:22 GMT";
  private static final String LOCATION = "https://www.example.com";
  private static final String COOKIE = "foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1";

  /** C.5: three responses without Huffman coding in a 256-octet table, evicting entries. */
  @Test
  void responsesWithoutHuffmanEvict() throws Exception {
    responses(new String[] {
        "4803 3330 3258 0770 7269 7661 7465 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a 3133 3a32 3120"
            + "474d 546e 1768 7474 7073 3a2f 2f77 7777 2e65 7861 6d70 6c65 2e63 6f6d",
        "4803 3330 37c1 c0bf",
        "88c1 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a 3133 3a32 3220 474d 54c0 5a04 677a 6970 7738"
            + "666f 6f3d 4153 444a 4b48 514b 425a 584f 5157 454f 5049 5541 5851 5745 4f49 553b 206d 6178 2d61 6765"
            + "3d33 3630 303b 2076 6572 7369 6f6e 3d31"});
  }

  /** C.6: the same responses with Huffman coding. */
  @Test
  void responsesWithHuffmanEvict() throws Exception {
    responses(new String[] {
        "4882 6402 5885 aec3 771a 4b61 96d0 7abe 9410 54d4 44a8 2005 9504 0b81 66e0 82a6 2d1b ff6e 919d 29ad 1718"
            + "63c7 8f0b 97c8 e9ae 82ae 43d3",
        "4883 640e ffc1 c0bf",
        "88c1 6196 d07a be94 1054 d444 a820 0595 040b 8166 e084 a62d 1bff c05a 839b d9ab 77ad 94e7 821d d7f2 e6c7"
            + "b335 dfdf cd5b 3960 d5af 2708 7f36 72c1 ab27 0fb5 291f 9587 3160 65c0 03ed 4ee5 b106 3d50 07"});
  }

  private static void responses(String[] blocks) throws Exception {
    HpackDecoder d = new HpackDecoder(256);
    assertFields(d.decode(hex(blocks[0])), ":status", "302", "cache-control", "private", "date", DATE1,
        "location", LOCATION);
    assertTable(d, 222, "location", LOCATION, "date", DATE1, "cache-control", "private", ":status", "302");
    assertFields(d.decode(hex(blocks[1])), ":status", "307", "cache-control", "private", "date", DATE1,
        "location", LOCATION);
    assertTable(d, 222, ":status", "307", "location", LOCATION, "date", DATE1, "cache-control", "private");
    assertFields(d.decode(hex(blocks[2])), ":status", "200", "cache-control", "private", "date", DATE2,
        "location", LOCATION, "content-encoding", "gzip", "set-cookie", COOKIE);
    assertTable(d, 215, "set-cookie", COOKIE, "content-encoding", "gzip", "date", DATE2);
  }

  /** §6.3: a size update shrinks the table (evicting) and may not exceed what our SETTINGS allowed. */
  @Test
  void tableSizeUpdate() throws Exception {
    HpackDecoder d = new HpackDecoder(4096);
    d.decode(hex("4008 6e61 6d65 2d6f 6e65 0161 4008 6e61 6d65 2d74 776f 0162")); // two 41-octet entries
    assertTable(d, 82, "name-two", "b", "name-one", "a");
    assertFields(d.decode(hex("3f0a be")), "name-two", "b"); // size update to 41 (31 + 10): the older one goes
    assertTable(d, 41, "name-two", "b");
    H2Error e = assertThrows(H2Error.class, () -> d.decode(hex("3fe2 1f"))); // 31 + 4066 = 4097
    assertEquals(H2Error.COMPRESSION_ERROR, e.code(), e.getMessage());
    H2Error late = assertThrows(H2Error.class, () -> d.decode(hex("be 3f0a")));
    assertEquals(H2Error.COMPRESSION_ERROR, late.code(), late.getMessage());
  }

  @Test
  void badIndexAndTruncationAreCompressionErrors() {
    assertEquals(H2Error.COMPRESSION_ERROR, assertThrows(H2Error.class,
        () -> new HpackDecoder(4096).decode(hex("be"))).code()); // dynamic index 62 in an empty table
    assertEquals(H2Error.COMPRESSION_ERROR, assertThrows(H2Error.class,
        () -> new HpackDecoder(4096).decode(hex("400a 6375 73"))).code());
    assertEquals(H2Error.COMPRESSION_ERROR, assertThrows(H2Error.class,
        () -> new HpackDecoder(4096).decode(hex("0081 00 00"))).code()); // Huffman string padded with 0 bits
  }

  /** Appendix B's codes, rebuilt from the lengths, for symbols across the table. */
  @Test
  void huffmanCodesMatchAppendixB() {
    int[][] symCode = {{0, 0x1ff8}, {1, 0x7fffd8}, {10, 0x3ffffffc}, {32, 0x14}, {48, 0x0}, {97, 0x3},
        {92, 0x7fff0}, {127, 0xffffffc}, {153, 0x1fffdc}, {195, 0x7fff1}, {203, 0x7ffffde}, {220, 0xffffffd},
        {255, 0x3ffffee}, {Huffman.EOS, 0x3fffffff}};
    for (int[] sc : symCode) {
      assertEquals(sc[1], Huffman.code(sc[0]), "symbol " + sc[0]);
    }
  }

  /** Every octet value, Huffman-coded by netty's HPACK encoder (grpc-java's server), decodes back. */
  @Test
  void everyOctetFromNettysEncoder() throws Exception {
    DefaultHttp2HeadersEncoder enc = new DefaultHttp2HeadersEncoder();
    HpackDecoder d = new HpackDecoder(4096);
    for (int sym = 0; sym < 256; sym++) {
      byte[] v = new byte[24];
      java.util.Arrays.fill(v, (byte) 'a'); // 5-bit codes, so netty chooses Huffman coding
      v[11] = (byte) sym;
      DefaultHttp2Headers h = new DefaultHttp2Headers(false);
      h.add(new AsciiString("x-sym"), new AsciiString(v));
      ByteBuf out = Unpooled.buffer();
      enc.encodeHeaders(3, h, out);
      byte[] block = new byte[out.readableBytes()];
      out.readBytes(block);
      List<String[]> got = d.decode(block);
      assertEquals("x-sym", got.get(got.size() - 1)[0]);
      assertArrayEquals(v, got.get(got.size() - 1)[1].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
          "symbol " + sym);
    }
  }
}
