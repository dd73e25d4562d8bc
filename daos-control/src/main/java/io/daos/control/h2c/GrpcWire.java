package io.daos.control.h2c;

import io.grpc.Metadata;
import io.grpc.Status;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * gRPC over HTTP/2 (grpc's PROTOCOL-HTTP2.md): request headers, the grpc-timeout format, statuses from trailers,
 * from HTTP status codes and from RST_STREAM codes, and header fields as {@link Metadata}.
 */
final class GrpcWire {
  static final String CONTENT_TYPE = "application/grpc";
  private static final String STATUS = "grpc-status";
  private static final String MESSAGE = "grpc-message";

  private GrpcWire() {
  }

  /** The request's header block: pseudo-headers, gRPC's fixed headers, the timeout and the call's metadata. */
  static byte[] requestHeaders(String authority, String fullMethod, Long timeoutNanos, Metadata md) {
    HpackEncoder e = new HpackEncoder().field(":method", "POST").field(":scheme", "http")
        .field(":path", "/" + fullMethod).field(":authority", authority).field("content-type", CONTENT_TYPE)
        .field("te", "trailers").field("user-agent", "jdaos-h2c");
    if (timeoutNanos != null) {
      e.field("grpc-timeout", timeout(timeoutNanos));
    }
    for (String k : md.keys()) {
      if (k.equals("content-type") || k.equals("te") || k.equals("user-agent") || k.equals("grpc-timeout")) {
        continue;
      }
      if (k.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        for (byte[] v : md.getAll(Metadata.Key.of(k, Metadata.BINARY_BYTE_MARSHALLER))) {
          e.field(k, Base64.getEncoder().withoutPadding().encodeToString(v));
        }
      } else {
        for (String v : md.getAll(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER))) {
          e.field(k, v);
        }
      }
    }
    return e.toByteArray();
  }

  /** At most 8 digits and a unit: the finest unit that holds {@code nanos}. */
  static String timeout(long nanos) {
    long v = Math.max(1, nanos);
    String[] units = {"n", "u", "m", "S", "M", "H"};
    long[] div = {1, 1000, 1000, 1000, 60, 60};
    int i = 0;
    long scaled = v;
    while (scaled > 99_999_999L && i < units.length - 1) {
      i++;
      scaled = (scaled + div[i] - 1) / div[i];
    }
    return Math.min(scaled, 99_999_999L) + units[i];
  }

  /** The fields' value of {@code name}, or null. */
  static String get(List<String[]> fields, String name) {
    for (String[] f : fields) {
      if (f[0].equals(name)) {
        return f[1];
      }
    }
    return null;
  }

  /** The call's status from its trailers (or trailers-only answer). */
  static Status status(List<String[]> fields) {
    String code = get(fields, STATUS);
    if (code == null) {
      String http = get(fields, ":status");
      if (http != null && !http.equals("200")) {
        return httpStatus(http);
      }
      return Status.UNKNOWN.withDescription("missing grpc-status in the server's trailers");
    }
    Status s;
    try {
      s = Status.fromCodeValue(Integer.parseInt(code.trim()));
    } catch (NumberFormatException e) {
      return Status.UNKNOWN.withDescription("invalid grpc-status: " + code);
    }
    String msg = get(fields, MESSAGE);
    return msg == null ? s : s.withDescription(percentDecode(msg));
  }

  /** A non-200 HTTP status without grpc-status, as grpc's http-grpc-status-mapping.md says. */
  static Status httpStatus(String http) {
    Status.Code c = switch (http) {
      case "400" -> Status.Code.INTERNAL;
      case "401" -> Status.Code.UNAUTHENTICATED;
      case "403" -> Status.Code.PERMISSION_DENIED;
      case "404" -> Status.Code.UNIMPLEMENTED;
      case "429", "502", "503", "504" -> Status.Code.UNAVAILABLE;
      default -> Status.Code.UNKNOWN;
    };
    return Status.fromCode(c).withDescription("HTTP status code " + http);
  }

  /** The status of a stream the server reset (grpc's PROTOCOL-HTTP2.md, "Errors"). */
  static Status resetStatus(long code) {
    Status s;
    if (code == H2Error.REFUSED_STREAM) {
      s = Status.UNAVAILABLE;
    } else if (code == H2Error.CANCEL) {
      s = Status.CANCELLED;
    } else if (code == H2Error.ENHANCE_YOUR_CALM) {
      s = Status.RESOURCE_EXHAUSTED;
    } else if (code == H2Error.INADEQUATE_SECURITY) {
      s = Status.PERMISSION_DENIED;
    } else {
      s = Status.INTERNAL;
    }
    return s.withDescription("the server reset the stream (RST_STREAM " + H2Error.name(code) + ")");
  }

  /** {@code grpc-message}'s percent-encoding of UTF-8 undone; a malformed escape is kept as it is. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out.write(hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  /** Header fields as metadata: pseudo-headers, grpc-status and grpc-message left out, -bin values decoded. */
  static Metadata metadata(List<String[]> fields) {
    Metadata md = new Metadata();
    for (String[] f : fields) {
      String name = f[0].toLowerCase(Locale.ROOT);
      if (name.startsWith(":") || name.equals(STATUS) || name.equals(MESSAGE)) {
        continue;
      }
      try {
        if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
          Metadata.Key<byte[]> k = Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER);
          for (String part : f[1].split(",", -1)) {
            md.put(k, Base64.getDecoder().decode(part.trim()));
          }
        } else {
          md.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), f[1]);
        }
      } catch (IllegalArgumentException e) {
        // a field gRPC cannot hold (bad name or base64) is dropped, as grpc-java's transports drop it
      }
    }
    return md;
  }
}
