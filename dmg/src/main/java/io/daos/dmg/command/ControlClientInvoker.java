package io.daos.dmg.command;

import io.daos.control.ControlClient;
import io.daos.control.HostResponse;
import io.daos.control.RetryPolicy;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.List;

/** {@link ControlInvoker} over the shared {@link ControlClient} (MS redirect/retry, fan-out, TLS, faults). */
final class ControlClientInvoker implements ControlInvoker {
  private final ControlClient client;

  ControlClientInvoker(ControlClient client) {
    this.client = client;
  }

  @Override
  public <Q, R> R invokeMs(MethodDescriptor<Q, R> method, Q req) {
    return client.invokeMs(method, req);
  }

  @Override
  public <Q, R> R invokeMs(MethodDescriptor<Q, R> method, Q req, RetryPolicy policy) {
    return client.invokeMs(method, req, policy.options());
  }

  @Override
  public <Q, R> R invokeHost(MethodDescriptor<Q, R> method, Q req, String host) {
    HostResponse<R> r = client.invokeHosts(method, req, List.of(host)).responses().get(0);
    if (r.error() != null) {
      throw r.error() instanceof RuntimeException re ? re : new IllegalStateException(r.error());
    }
    return r.response();
  }

  @Override
  public <Q, R> List<HostResult<R>> invokeHosts(MethodDescriptor<Q, R> method, Q req, List<String> hosts) {
    return client.invokeHosts(method, req, hosts).responses().stream()
        .map(r -> new HostResult<>(r.address(), r.response(), r.error())).toList();
  }

  @Override
  public <Q, R> List<HostResult<R>> invokeHosts(MethodDescriptor<Q, R> method, Q req, List<String> hosts,
      Duration timeout) {
    return client.invokeHosts(method, req, hosts, timeout).responses().stream()
        .map(r -> new HostResult<>(r.address(), r.response(), r.error())).toList();
  }

  @Override
  public String systemName() {
    return client.systemName();
  }

  @Override
  public void close() {
    client.close();
  }
}
