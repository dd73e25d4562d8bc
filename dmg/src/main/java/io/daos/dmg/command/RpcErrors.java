package io.daos.dmg.command;

import com.google.rpc.ErrorInfo;
import io.daos.common.DaosException;
import io.daos.common.DaosStatus;
import io.daos.common.Fault;
import io.daos.common.FaultCode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Turns a gRPC failure into what DAOS's client shows: the server's Fault or DAOS status (carried as
 * {@code google.rpc.ErrorInfo}), or a client connection fault naming the address.
 */
final class RpcErrors {
  static final String START_HINT =
      " (start it with 'systemctl start daos_server' or 'daos_server start -o <daos_server.yml>')";

  private RpcErrors() {
  }

  static RuntimeException translate(StatusRuntimeException e, String addr) {
    RuntimeException fromInfo = fromErrorInfo(e);
    if (fromInfo != null) {
      return fromInfo;
    }
    return fromConnection(e, addr);
  }

  private static RuntimeException fromErrorInfo(StatusRuntimeException e) {
    com.google.rpc.Status st = StatusProto.fromThrowable(e);
    if (st == null) {
      return null;
    }
    for (com.google.protobuf.Any any : st.getDetailsList()) {
      if (!any.is(ErrorInfo.class)) {
        continue;
      }
      try {
        ErrorInfo info = any.unpack(ErrorInfo.class);
        RuntimeException typed = typed(info.getReason(), info.getMetadataMap(), st.getMessage());
        if (typed != null) {
          return typed;
        }
      } catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
        // fall through to the plain status
      }
    }
    return null;
  }

  private static RuntimeException typed(String reason, Map<String, String> md, String message) {
    switch (reason) {
      case "proto.daos.DaosStatus":
        return new DaosException(DaosStatus.fromCode(parseInt(md.get("Status"))));
      case "proto.fault.Fault":
        return new Fault(md.get("Domain"), FaultCode.fromNumber(parseInt(md.get("Code"))), md.get("Description"),
            md.getOrDefault("Reason", ""), md.get("Resolution"), null);
      default:
        return new IllegalStateException(message);
    }
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s == null ? "" : s.trim());
    } catch (NumberFormatException e) {
      return DaosStatus.MISC.code();
    }
  }

  private static RuntimeException fromConnection(StatusRuntimeException e, String addr) {
    Status.Code code = e.getStatus().getCode();
    Throwable cause = rootCause(e);
    if (cause instanceof UnknownHostException) {
      return clientFault(FaultCode.CLIENT_CONNECTION_BAD_HOST,
          "the server address (" + addr + ") could not be resolved", "verify that the configured address is correct",
          e);
    }
    if (cause instanceof NoRouteToHostException) {
      return clientFault(FaultCode.CLIENT_CONNECTION_NO_ROUTE, "the server could not be reached at the configured "
          + "address (" + addr + ")", "verify that the configured address is correct and that the server is "
          + "available on the network", e);
    }
    if (cause instanceof ConnectException || code == Status.Code.UNAVAILABLE && isRefused(e)) {
      return clientFault(FaultCode.CLIENT_CONNECTION_REFUSED, "the server at " + addr + " refused the connection",
          "verify that the configured address is correct and that the server is running" + START_HINT, e);
    }
    if (code == Status.Code.DEADLINE_EXCEEDED) {
      return clientFault(FaultCode.CLIENT_CONNECTION_TIMED_OUT, "the connection to the server at " + addr
          + " timed out", "verify that the configured address is correct and that the server is running", e);
    }
    if (code == Status.Code.UNAVAILABLE) {
      return clientFault(FaultCode.CLIENT_CONNECTION_CLOSED, "the server at " + addr + " closed the connection "
          + "without accepting a request", "verify that the configured address and your TLS configuration are "
          + "correct (or disable transport security)", e);
    }
    String desc = e.getStatus().getDescription();
    return new IllegalStateException(desc == null ? code.toString() : desc, e);
  }

  private static boolean isRefused(StatusRuntimeException e) {
    String d = String.valueOf(e.getStatus().getDescription()) + " " + rootCause(e);
    return d.contains("refused");
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  private static Fault clientFault(FaultCode code, String desc, String resolution, Throwable cause) {
    return new Fault("client", code, desc, "", resolution, cause);
  }
}
