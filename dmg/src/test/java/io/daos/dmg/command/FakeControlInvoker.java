package io.daos.dmg.command;

import io.daos.control.RetryPolicy;
import io.grpc.MethodDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A scripted {@link ControlInvoker}: answers per gRPC method name (e.g. "PoolGetACL") with a response, a thrown
 * RuntimeException, or a function of the request; host fan-out answers with the scripted per-host results.
 * Every request is recorded.
 */
public final class FakeControlInvoker implements ControlInvoker {
  public final List<Object> requests = new ArrayList<>();
  /** The retry policy of each request sent with one, by gRPC method name. */
  public final Map<String, RetryPolicy> policies = new HashMap<>();
  private final Map<String, Function<Object, Object>> ms = new HashMap<>();
  private final Map<String, List<HostResult<?>>> hosts = new HashMap<>();

  /** Answers {@code method} with {@code answer} (a message, or a RuntimeException to throw). */
  public FakeControlInvoker on(String method, Object answer) {
    return onRequest(method, req -> answer);
  }

  public FakeControlInvoker onRequest(String method, Function<Object, Object> answer) {
    ms.put(method, answer);
    return this;
  }

  public FakeControlInvoker onHosts(String method, List<HostResult<?>> results) {
    hosts.put(method, results);
    return this;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <Q, R> R invokeMs(MethodDescriptor<Q, R> method, Q req) {
    requests.add(req);
    Function<Object, Object> f = ms.get(method.getBareMethodName());
    if (f == null) {
      throw new IllegalStateException("no answer scripted for " + method.getBareMethodName());
    }
    Object a = f.apply(req);
    if (a instanceof RuntimeException e) {
      throw e;
    }
    return (R) a;
  }

  @Override
  public <Q, R> R invokeMs(MethodDescriptor<Q, R> method, Q req, RetryPolicy policy) {
    policies.put(method.getBareMethodName(), policy);
    return invokeMs(method, req);
  }

  @Override
  public <Q, R> R invokeHost(MethodDescriptor<Q, R> method, Q req, String host) {
    throw new UnsupportedOperationException();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <Q, R> List<HostResult<R>> invokeHosts(MethodDescriptor<Q, R> method, Q req, List<String> hostList) {
    requests.add(req);
    List<HostResult<?>> r = hosts.get(method.getBareMethodName());
    if (r == null) {
      throw new IllegalStateException("no host answers scripted for " + method.getBareMethodName());
    }
    return (List<HostResult<R>>) (List<?>) r;
  }

  @Override
  public String systemName() {
    return "daos_server";
  }

  @Override
  public void close() {
  }
}
