package io.daos.control.errors;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.Futures;
import io.daos.common.ranklist.Rank;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed DAOS errors ↔ gRPC statuses, wire-compatible with DAOS's {@code common/proto/error.go}: a typed
 * error travels as status {@code INTERNAL} whose {@code grpc-status-details-bin} trailer holds a
 * {@code google.rpc.Status} with one {@code google.rpc.ErrorInfo} detail (reason and metadata keys in
 * {@link ErrorReasons}), exactly what Go's {@code status.WithDetails} produces.
 */
public final class GrpcErrors {
  private static final Gson GSON = new Gson();
  private static final List<Class<?>> TYPED = List.of(Fault.class, DaosException.class, NotLeaderException.class,
      NotReplicaException.class, PoolNotFoundException.class, StatusRuntimeException.class, StatusException.class);

  private GrpcErrors() {
  }

  /**
   * The gRPC form of an error. Gives back gRPC status exceptions unchanged; turns faults, DAOS statuses and
   * MS redirections into annotated {@code INTERNAL} statuses; anything else becomes a {@link Fault} with code
   * {@link FaultCode#UNKNOWN} carrying the exception's message.
   */
  public static StatusRuntimeException toStatusRuntimeException(Throwable error) {
    Throwable t = typedCause(error);
    if (t instanceof StatusRuntimeException sre) {
      return sre;
    }
    if (t instanceof StatusException se) {
      return new StatusRuntimeException(se.getStatus(), se.getTrailers());
    }
    if (!isTyped(t)) {
      t = unknownFault(t);
    }
    com.google.rpc.Status st = com.google.rpc.Status.newBuilder()
        .setCode(Status.Code.INTERNAL.value())
        .setMessage(t.getMessage())
        .addDetails(Any.pack(ErrorInfos.encode(t)))
        .build();
    return StatusProto.toStatusRuntimeException(st);
  }

  private static Fault unknownFault(Throwable t) {
    String msg = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    return new Fault("unknown", FaultCode.UNKNOWN, msg, "", "", t);
  }

  /**
   * The typed error a status carries: a {@link Fault}, {@link DaosException}, {@link NotLeaderException},
   * {@link NotReplicaException} or {@link PoolNotFoundException}; otherwise the status as a
   * {@link StatusRuntimeException}.
   */
  public static RuntimeException fromStatus(Status status, Metadata trailers) {
    if (isTyped(status.getCause()) && !(status.getCause() instanceof StatusRuntimeException)) {
      return (RuntimeException) status.getCause();
    }
    com.google.rpc.Status proto;
    try {
      proto = StatusProto.fromStatusAndTrailers(status, trailers);
    } catch (IllegalArgumentException e) {
      return status.asRuntimeException(trailers);
    }
    for (Any any : proto.getDetailsList()) {
      if (!any.is(ErrorInfo.class)) {
        continue;
      }
      try {
        RuntimeException typed = ErrorInfos.decode(any.unpack(ErrorInfo.class));
        if (typed != null) {
          return typed;
        }
      } catch (InvalidProtocolBufferException | RuntimeException e) {
        // malformed detail: fall through to the plain status
      }
    }
    return status.asRuntimeException(trailers);
  }

  /** As {@link #fromStatus}, for an exception thrown by a stub. */
  public static RuntimeException fromStatusRuntimeException(StatusRuntimeException e) {
    if (e.getCause() instanceof RuntimeException c && isTyped(c) && !(c instanceof StatusRuntimeException)) {
      return c;
    }
    RuntimeException typed = fromStatus(e.getStatus(), e.getTrailers() == null ? new Metadata() : e.getTrailers());
    return typed instanceof StatusRuntimeException ? e : typed;
  }

  /** Unwraps futures' wrappers and stub exceptions to the typed error (or the throwable itself). */
  public static Throwable unwrap(Throwable t) {
    Throwable c = Futures.cause(t);
    if (c instanceof StatusRuntimeException sre) {
      return fromStatusRuntimeException(sre);
    }
    if (c instanceof StatusException se) {
      return fromStatus(se.getStatus(), se.getTrailers() == null ? new Metadata() : se.getTrailers());
    }
    return c;
  }

  /** The error's text as DAOS prints it (gRPC statuses as {@code rpc error: code = X desc = Y}). */
  public static String errorString(Throwable t) {
    Throwable u = unwrap(t);
    if (u instanceof StatusRuntimeException sre) {
      Status s = sre.getStatus();
      return "rpc error: code = " + goCodeName(s.getCode()) + " desc = "
          + (s.getDescription() == null ? "" : s.getDescription());
    }
    return u.getMessage() == null ? u.getClass().getSimpleName() : u.getMessage();
  }

  static String goCodeName(Status.Code code) {
    if (code == Status.Code.CANCELLED) {
      return "Canceled";
    }
    StringBuilder sb = new StringBuilder();
    for (String part : code.name().split("_")) {
      sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }

  private static Throwable typedCause(Throwable error) {
    for (Throwable c = error; c != null; c = c.getCause()) {
      if (isTyped(c)) {
        return c;
      }
    }
    return error;
  }

  public static boolean isTyped(Throwable t) {
    return t != null && TYPED.stream().anyMatch(k -> k.isInstance(t));
  }

  /** Encoding and decoding of the ErrorInfo detail for each typed error. */
  static final class ErrorInfos {
    private ErrorInfos() {
    }

    static ErrorInfo encode(Throwable t) {
      if (t instanceof Fault f) {
        return ErrorInfo.newBuilder().setReason(ErrorReasons.FAULT).setDomain(f.domain())
            .putMetadata(ErrorReasons.KEY_DOMAIN, f.domain())
            .putMetadata(ErrorReasons.KEY_CODE, Integer.toString(f.code().number()))
            .putMetadata(ErrorReasons.KEY_DESCRIPTION, f.description())
            .putMetadata(ErrorReasons.KEY_REASON, f.reason())
            .putMetadata(ErrorReasons.KEY_RESOLUTION, f.resolution()).build();
      }
      ErrorInfo.Builder b = ErrorInfo.newBuilder().setDomain(ErrorReasons.DAOS_DOMAIN);
      if (t instanceof DaosException d) {
        return b.setReason(ErrorReasons.DAOS_STATUS)
            .putMetadata(ErrorReasons.KEY_STATUS, Integer.toString(d.status().code())).build();
      }
      if (t instanceof NotLeaderException nl) {
        return b.setReason(ErrorReasons.NOT_LEADER).putMetadata(ErrorReasons.KEY_LEADER_HINT, nl.leaderHint())
            .putMetadata(ErrorReasons.KEY_REPLICAS, GSON.toJson(nl.replicas())).build();
      }
      if (t instanceof NotReplicaException nr) {
        return b.setReason(ErrorReasons.NOT_REPLICA)
            .putMetadata(ErrorReasons.KEY_REPLICAS, GSON.toJson(nr.replicas())).build();
      }
      PoolNotFoundException p = (PoolNotFoundException) t;
      return b.setReason(ErrorReasons.POOL_NOT_FOUND).putMetadata(ErrorReasons.KEY_POOL_INFO, poolInfo(p)).build();
    }

    private static String poolInfo(PoolNotFoundException p) {
      JsonObject o = new JsonObject();
      o.add("Rank", p.rank().map(r -> (JsonElement) new com.google.gson.JsonPrimitive(r.value()))
          .orElse(com.google.gson.JsonNull.INSTANCE));
      o.add("UUID", p.uuid().map(u -> (JsonElement) new com.google.gson.JsonPrimitive(u))
          .orElse(com.google.gson.JsonNull.INSTANCE));
      o.add("Label", p.label().map(l -> (JsonElement) new com.google.gson.JsonPrimitive(l))
          .orElse(com.google.gson.JsonNull.INSTANCE));
      return o.toString();
    }

    static RuntimeException decode(ErrorInfo info) {
      Map<String, String> md = info.getMetadataMap();
      switch (info.getReason()) {
        case ErrorReasons.FAULT:
          return new Fault(md.getOrDefault(ErrorReasons.KEY_DOMAIN, info.getDomain()),
              FaultCode.fromNumber(parseInt(md.get(ErrorReasons.KEY_CODE), 0)),
              md.get(ErrorReasons.KEY_DESCRIPTION), md.get(ErrorReasons.KEY_REASON),
              md.get(ErrorReasons.KEY_RESOLUTION), null);
        case ErrorReasons.DAOS_STATUS:
          return new DaosException(DaosStatus.fromCode(parseInt(md.get(ErrorReasons.KEY_STATUS), 0)));
        case ErrorReasons.NOT_LEADER:
          return new NotLeaderException(md.getOrDefault(ErrorReasons.KEY_LEADER_HINT, ""),
              strings(md.get(ErrorReasons.KEY_REPLICAS)));
        case ErrorReasons.NOT_REPLICA:
          return new NotReplicaException(strings(md.get(ErrorReasons.KEY_REPLICAS)));
        case ErrorReasons.POOL_NOT_FOUND:
          return poolNotFound(md.get(ErrorReasons.KEY_POOL_INFO));
        default:
          return null;
      }
    }

    private static int parseInt(String s, int dflt) {
      try {
        return s == null ? dflt : Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        return dflt;
      }
    }

    private static List<String> strings(String json) {
      if (json == null || json.isBlank() || "null".equals(json.trim())) {
        return List.of();
      }
      String[] a = GSON.fromJson(json, String[].class);
      return a == null ? List.of() : new ArrayList<>(Arrays.asList(a));
    }

    private static PoolNotFoundException poolNotFound(String json) {
      if (json == null || json.isBlank()) {
        return PoolNotFoundException.of(null, null, null);
      }
      JsonObject o = JsonParser.parseString(json).getAsJsonObject();
      Rank rank = present(o, "Rank") ? Rank.of(o.get("Rank").getAsLong()) : null;
      String uuid = present(o, "UUID") ? o.get("UUID").getAsString() : null;
      String label = present(o, "Label") ? o.get("Label").getAsString() : null;
      return PoolNotFoundException.of(rank, uuid, label);
    }

    private static boolean present(JsonObject o, String key) {
      return o.has(key) && !o.get(key).isJsonNull();
    }
  }
}
