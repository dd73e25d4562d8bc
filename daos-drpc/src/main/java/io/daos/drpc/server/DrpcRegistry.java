package io.daos.drpc.server;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.common.LogLimiter;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcModule;
import io.daos.drpc.PeerCredentials;
import io.daos.proto.drpc.Call;
import io.daos.proto.drpc.Response;
import io.daos.proto.drpc.Status;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dRPC module service: handlers by module and method (EnumMaps), and the dispatch rules of DAOS's
 * {@code ModuleService.ProcessMessage}. Register everything before serving; registration is thread-safe
 * but meant for start-up.
 */
public final class DrpcRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(DrpcRegistry.class);
  /** Every line below can be caused by a peer sending bad calls; each kind is rate-limited. */
  private static final LogLimiter LOG_LIMIT = LogLimiter.perMinute();

  private volatile Map<DrpcModule, Map<DrpcMethod, DrpcHandler>> modules = new EnumMap<>(DrpcModule.class);

  /** Makes {@code module} known (calls to its unregistered methods answer UNKNOWN_METHOD). */
  public synchronized DrpcRegistry registerModule(DrpcModule module) {
    if (!modules.containsKey(module)) {
      update(module, new EnumMap<>(DrpcMethod.class));
    }
    return this;
  }

  /** Registers the handler of {@code method}; registering a method twice is a programming error. */
  public synchronized DrpcRegistry register(DrpcMethod method, DrpcHandler handler) {
    Map<DrpcMethod, DrpcHandler> methods = new EnumMap<>(DrpcMethod.class);
    methods.putAll(modules.getOrDefault(method.module(), Map.of()));
    if (methods.putIfAbsent(method, handler) != null) {
      throw new IllegalStateException("dRPC method " + method + " is already registered");
    }
    update(method.module(), methods);
    return this;
  }

  private void update(DrpcModule module, Map<DrpcMethod, DrpcHandler> methods) {
    Map<DrpcModule, Map<DrpcMethod, DrpcHandler>> copy = new EnumMap<>(modules);
    copy.put(module, Collections.unmodifiableMap(methods));
    modules = copy;
  }

  /** Decodes a Call, dispatches it and encodes the Response; never throws. */
  public byte[] process(byte[] callBytes, PeerCredentials peer) {
    Call call;
    try {
      call = Call.parseFrom(callBytes);
    } catch (InvalidProtocolBufferException e) {
      LOG_LIMIT.error(LOG, "unmarshal call", "dRPC: failed to unmarshal call ({} bytes): {}",
          callBytes.length, e.getMessage());
      return response(-1, Status.FAILED_UNMARSHAL_CALL, null).toByteArray();
    }
    return dispatch(call, peer).toByteArray();
  }

  /** Dispatches a decoded Call to its handler. */
  public Response dispatch(Call call, PeerCredentials peer) {
    Optional<DrpcModule> module = DrpcModule.fromId(call.getModule());
    Map<DrpcMethod, DrpcHandler> methods = module.map(modules::get).orElse(null);
    if (methods == null) {
      LOG_LIMIT.error(LOG, "unknown module", "dRPC: attempted to call unregistered module {}", call.getModule());
      return response(call.getSequence(), Status.UNKNOWN_MODULE, null);
    }
    DrpcMethod method = DrpcMethod.of(module.get(), call.getMethod()).orElse(null);
    DrpcHandler handler = method == null ? null : methods.get(method);
    if (handler == null) {
      LOG_LIMIT.error(LOG, "unknown method", "dRPC: attempted to call unregistered method {} of module {}",
          call.getMethod(), module.get());
      return response(call.getSequence(), Status.UNKNOWN_METHOD, null);
    }
    return invoke(handler, new DrpcCallContext(method, call.getSequence(), peer), call);
  }

  private static Response invoke(DrpcHandler handler, DrpcCallContext ctx, Call call) {
    try {
      byte[] body = handler.handle(ctx, call.getBody().toByteArray());
      return response(ctx.sequence(), Status.SUCCESS, body);
    } catch (DrpcFailure e) {
      LOG_LIMIT.error(LOG, "handler failure", "dRPC: {} failed: {}", ctx.method(), e.getMessage());
      return response(ctx.sequence(), e.status(), null);
    } catch (InvalidProtocolBufferException e) {
      LOG_LIMIT.error(LOG, "unmarshal payload", "dRPC: {}: failed to unmarshal payload: {}",
          ctx.method(), e.getMessage());
      return response(ctx.sequence(), Status.FAILED_UNMARSHAL_PAYLOAD, null);
    } catch (Exception e) {
      LOG_LIMIT.error(LOG, "handler exception", "dRPC: {} failed", ctx.method(), e);
      return response(ctx.sequence(), Status.FAILURE, null);
    }
  }

  private static Response response(long sequence, Status status, byte[] body) {
    Response.Builder b = Response.newBuilder().setSequence(sequence).setStatus(status);
    if (body != null && status == Status.SUCCESS) {
      b.setBody(ByteString.copyFrom(body));
    }
    return b.build();
  }
}
