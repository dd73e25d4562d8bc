package io.daos.client;

import com.google.protobuf.ByteString;
import java.util.Map;
import java.util.TreeMap;

/** User attribute maps between the API (byte arrays) and the wire (ByteString). */
final class Attrs {
  private Attrs() {
  }

  static Map<String, ByteString> toProto(Map<String, byte[]> m) {
    Map<String, ByteString> out = new TreeMap<>();
    m.forEach((k, v) -> {
      if (k == null || k.isEmpty()) {
        throw new IllegalArgumentException("attribute names must not be empty");
      }
      out.put(k, ByteString.copyFrom(v));
    });
    return out;
  }

  static Map<String, byte[]> toBytes(Map<String, ByteString> m) {
    Map<String, byte[]> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.toByteArray()));
    return out;
  }
}
