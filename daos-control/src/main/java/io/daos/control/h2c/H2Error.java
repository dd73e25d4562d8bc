package io.daos.control.h2c;

import java.io.IOException;

/** A connection error of RFC 9113 §5.4.1: the peer broke the protocol; its code goes into our GOAWAY. */
final class H2Error extends IOException {
  static final int NO_ERROR = 0x0;
  static final int PROTOCOL_ERROR = 0x1;
  static final int INTERNAL_ERROR = 0x2;
  static final int FLOW_CONTROL_ERROR = 0x3;
  static final int REFUSED_STREAM = 0x7;
  static final int CANCEL = 0x8;
  static final int COMPRESSION_ERROR = 0x9;
  static final int ENHANCE_YOUR_CALM = 0xb;
  static final int INADEQUATE_SECURITY = 0xc;
  static final int FRAME_SIZE_ERROR = 0x6;

  private final int code;

  H2Error(int code, String message) {
    super(message);
    this.code = code;
  }

  int code() {
    return code;
  }

  /** The RFC 9113 §7 name of an error code. */
  static String name(long code) {
    String[] names = {"NO_ERROR", "PROTOCOL_ERROR", "INTERNAL_ERROR", "FLOW_CONTROL_ERROR", "SETTINGS_TIMEOUT",
        "STREAM_CLOSED", "FRAME_SIZE_ERROR", "REFUSED_STREAM", "CANCEL", "COMPRESSION_ERROR", "CONNECT_ERROR",
        "ENHANCE_YOUR_CALM", "INADEQUATE_SECURITY", "HTTP_1_1_REQUIRED"};
    return code >= 0 && code < names.length ? names[(int) code] : "error 0x" + Long.toHexString(code);
  }
}
