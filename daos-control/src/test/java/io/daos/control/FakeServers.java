package io.daos.control;

import com.google.protobuf.DynamicMessage;
import io.daos.common.build.BuildInfo;
import io.daos.common.build.Component;
import io.daos.control.server.DaosServerInterceptors;
import io.daos.control.server.PeerComponentResolver;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** In-process "daos_server"s named by address, with scripted handlers behind DAOS's interceptor chain. */
public final class FakeServers implements AutoCloseable {
  /** A scripted handler; may throw a Fault, NotLeaderException, ... */
  public interface Handler extends Function<DynamicMessage, DynamicMessage> {
  }

  public record Call(String address, DynamicMessage request, String component, String version) {
  }

  private final List<Server> servers = new ArrayList<>();
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  public final List<Call> calls = new CopyOnWriteArrayList<>();

  public FakeServers start(String address, Handler handler) throws IOException {
    handlers.put(address, handler);
    ServerServiceDefinition svc = ServerServiceDefinition.builder("mgmt.MgmtSvc")
        .addMethod(TestMessages.QUERY, ServerCalls.asyncUnaryCall((req, obs) -> {
          obs.onNext(handlers.get(address).apply(req));
          obs.onCompleted();
        }))
        .addMethod(TestMessages.PLAIN_CALL, ServerCalls.asyncUnaryCall((req, obs) -> {
          obs.onNext(handlers.get(address).apply(req));
          obs.onCompleted();
        }))
        .build();
    ServerServiceDefinition chained = DaosServerInterceptors.intercept(svc, "test " + address,
        BuildInfo.as(Component.SERVER), PeerComponentResolver.INSECURE);
    servers.add(InProcessServerBuilder.forName(address)
        .addService(ServerInterceptors.intercept(chained, recorder(address))).build().start());
    return this;
  }

  public void handle(String address, Handler handler) {
    handlers.put(address, handler);
  }

  public long callsTo(String address) {
    return calls.stream().filter(c -> c.address().equals(address)).count();
  }

  private ServerInterceptor recorder(String address) {
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        String comp = headers.get(DaosClientInterceptor.COMPONENT_KEY);
        String ver = headers.get(DaosClientInterceptor.VERSION_KEY);
        return new io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
            next.startCall(call, headers)) {
          @Override
          public void onMessage(Q message) {
            calls.add(new Call(address, (DynamicMessage) message, comp, ver));
            super.onMessage(message);
          }
        };
      }
    };
  }

  public static ChannelFactory channels() {
    return (target, creds) -> InProcessChannelBuilder.forName(target).directExecutor().build();
  }

  @Override
  public void close() {
    for (Server s : servers) {
      s.shutdownNow();
      try {
        s.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
