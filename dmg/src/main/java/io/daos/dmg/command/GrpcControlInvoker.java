package io.daos.dmg.command;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.okhttp.OkHttpChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Plain-text gRPC invoker over grpc-okhttp with DAOS's component/version headers. MS requests go to the
 * configured hosts in order until one answers. Interim: replaced by io.daos.control.ControlClient (leader
 * redirect, retries, TLS) once that is available.
 */
final class GrpcControlInvoker implements ControlInvoker {
  private static final Metadata.Key<String> COMPONENT =
      Metadata.Key.of("x-daos-component", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> VERSION =
      Metadata.Key.of("x-daos-version", Metadata.ASCII_STRING_MARSHALLER);

  private final List<String> hosts;
  private final String system;
  private final long timeoutMs;
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

  GrpcControlInvoker(List<String> hosts, String system, long timeoutMs) {
    this.hosts = List.copyOf(hosts);
    this.system = system;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public <Q, R> R invokeMs(MethodDescriptor<Q, R> method, Q req) {
    RuntimeException last = null;
    for (String host : hosts) {
      try {
        return invokeHost(method, req, host);
      } catch (io.daos.common.Fault f) {
        last = f;
        if (!f.domain().equals("client")) {
          throw f;
        }
      }
    }
    throw last != null ? last : new IllegalStateException("no hosts to send the request to");
  }

  @Override
  public <Q, R> R invokeHost(MethodDescriptor<Q, R> method, Q req, String host) {
    Channel ch = ClientInterceptors.intercept(channel(host), headers());
    try {
      return ClientCalls.blockingUnaryCall(ch, method,
          CallOptions.DEFAULT.withDeadlineAfter(timeoutMs, TimeUnit.MILLISECONDS), req);
    } catch (StatusRuntimeException e) {
      throw RpcErrors.translate(e, host);
    }
  }

  @Override
  public <Q, R> List<HostResult<R>> invokeHosts(MethodDescriptor<Q, R> method, Q req, List<String> targets) {
    List<String> to = targets == null || targets.isEmpty() ? hosts : targets;
    List<CompletableFuture<HostResult<R>>> futures = new ArrayList<>();
    for (String host : to) {
      futures.add(CompletableFuture.supplyAsync(() -> {
        try {
          return HostResult.ok(host, invokeHost(method, req, host));
        } catch (RuntimeException e) {
          return HostResult.failed(host, e);
        }
      }));
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }

  @Override
  public String systemName() {
    return system;
  }

  private ManagedChannel channel(String host) {
    return channels.computeIfAbsent(host, h -> OkHttpChannelBuilder.forTarget(h).usePlaintext().build());
  }

  private static ClientInterceptor headers() {
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> m, CallOptions o, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(m, o)) {
          @Override
          public void start(Listener<R> listener, Metadata md) {
            md.put(COMPONENT, "admin");
            md.put(VERSION, io.daos.dmg.DmgVersion.VERSION);
            super.start(listener, md);
          }
        };
      }
    };
  }

  @Override
  public void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
    for (ManagedChannel ch : channels.values()) {
      try {
        ch.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
