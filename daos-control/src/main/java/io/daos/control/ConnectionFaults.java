package io.daos.control;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.control.errors.ClientFaults;
import io.daos.security.tls.SecurityFaults;
import io.grpc.Status;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/** Maps transport failures (whichever gRPC transport is on the class path) to DAOS client faults. */
final class ConnectionFaults {
  private ConnectionFaults() {
  }

  /** The connection fault a failed status stands for, or null if it is not a connection failure. */
  static Fault fromStatus(Status status, String target) {
    if (status.getCode() != Status.Code.UNAVAILABLE && status.getCode() != Status.Code.UNKNOWN) {
      return null;
    }
    Fault tls = tlsFault(status, target);
    if (tls != null) {
      return tls;
    }
    for (Throwable c = status.getCause(); c != null; c = c.getCause()) {
      Fault f = fromThrowable(c, target);
      if (f == null && c instanceof java.io.IOException) {
        f = fromText(c.getMessage(), target);
      }
      if (f != null) {
        return f;
      }
    }
    return fromText(status.getDescription(), target);
  }

  /** A failed TLS handshake, with the deepest reason given (ours names the certificate and what is wrong). */
  private static Fault tlsFault(Status status, String target) {
    String reason = null;
    for (Throwable c = status.getCause(); c != null; c = c.getCause()) {
      if (c instanceof javax.net.ssl.SSLException || c instanceof java.security.cert.CertificateException) {
        reason = c.getMessage();
      }
    }
    if (reason == null) {
      return null;
    }
    return new Fault(SecurityFaults.DOMAIN, FaultCode.SECURITY_INVALID_CERT, "TLS handshake with " + target
        + " failed: " + reason, "", SecurityFaults.INVALID_CERT_RESOLUTION + "; if the server runs without "
        + "certificates (allow_insecure: true), set allow_insecure: true here too (dmg -i)", null);
  }

  private static Fault fromThrowable(Throwable c, String target) {
    String name = c.getClass().getSimpleName();
    if (c instanceof SocketTimeoutException || name.contains("ConnectTimeout")) {
      return ClientFaults.timedOut(target);
    }
    if (c instanceof NoRouteToHostException) {
      return ClientFaults.noRoute(target);
    }
    if (c instanceof UnknownHostException) {
      return ClientFaults.badHost(target);
    }
    if (c instanceof ConnectException) {
      return fromText(c.getMessage(), target) != null ? fromText(c.getMessage(), target)
          : ClientFaults.connectionRefused(target);
    }
    if (c instanceof ClosedChannelException) {
      return ClientFaults.closed(target);
    }
    return null;
  }

  private static Fault fromText(String text, String target) {
    if (text == null) {
      return null;
    }
    String t = text.toLowerCase(Locale.ROOT);
    if (t.contains("connection refused")) {
      return ClientFaults.connectionRefused(target);
    }
    if (t.contains("no route to host") || t.contains("host is unreachable") || t.contains("network is unreachable")) {
      return ClientFaults.noRoute(target);
    }
    if (t.contains("unable to resolve host") || t.contains("unknownhost") || t.contains("no such host")
        || t.contains("name or service not known")) {
      return ClientFaults.badHost(target);
    }
    if (t.contains("timed out") || t.contains("i/o timeout")) {
      return ClientFaults.timedOut(target);
    }
    // "network closed for unknown reason" (netty) and "end of stream or ioexception" (okhttp): a TLS server
    // dropping a plaintext client.
    if (t.contains("connection closed") || t.contains("connection reset") || t.contains("closed the connection")
        || t.contains("network closed for unknown reason") || t.contains("end of stream or ioexception")) {
      return ClientFaults.closed(target);
    }
    return null;
  }
}
