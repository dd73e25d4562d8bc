package io.daos.dmg.command;

import io.daos.control.RetryPolicy;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.List;

/**
 * What dmg's commands need from the control API: a request to the management service, and a request fanned
 * out to hosts. The production implementation talks gRPC to daos_server; tests may supply their own.
 */
public interface ControlInvoker extends AutoCloseable {
  /** Sends {@code req} to the MS (a replica/leader among the configured hosts); throws on failure. */
  <Q, R> R invokeMs(MethodDescriptor<Q, R> method, Q req);

  /**
   * Sends {@code req} to the MS, retrying the errors {@code policy} names until its deadline (DAOS lib/control's
   * per-request {@code canRetry} and timeout). Invokers without a retry loop of their own send once.
   */
  default <Q, R> R invokeMs(MethodDescriptor<Q, R> method, Q req, RetryPolicy policy) {
    return invokeMs(method, req);
  }

  /** Sends {@code req} to one host ("addr:port"); throws on failure. */
  <Q, R> R invokeHost(MethodDescriptor<Q, R> method, Q req, String host);

  /** Sends {@code req} to every host (configured hosts when {@code hosts} is empty), in parallel. */
  <Q, R> List<HostResult<R>> invokeHosts(MethodDescriptor<Q, R> method, Q req, List<String> hosts);

  /** As {@link #invokeHosts(MethodDescriptor, Object, List)}, each host answering within {@code timeout}. */
  default <Q, R> List<HostResult<R>> invokeHosts(MethodDescriptor<Q, R> method, Q req, List<String> hosts,
      Duration timeout) {
    return invokeHosts(method, req, hosts);
  }

  /** The system name requests carry in {@code sys}. */
  String systemName();

  @Override
  void close();
}
