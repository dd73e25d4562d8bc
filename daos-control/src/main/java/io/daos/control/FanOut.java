package io.daos.control;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.control.errors.ClientFaults;
import io.daos.control.errors.GrpcErrors;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Sends one request to several hosts at once and collects each host's result in completion order; how long it
 * waits for them is measured on the client's clock.
 */
final class FanOut {
  private static final Duration GRACE = Duration.ofSeconds(5);

  private FanOut() {
  }

  static <Q, R> List<HostResponse<R>> send(ChannelPool pool, List<String> hosts, MethodDescriptor<Q, R> method,
      Q request, Duration timeout, Clock clock) throws InterruptedException {
    return send(pool, hosts, method, request, timeout, clock, r -> false, Duration.ZERO);
  }

  /**
   * As {@link #send}, but once a {@code decisive} response is in, waits at most {@code settle} more for the
   * others: a host that accepts connections but never answers (a stopped process) does not hold up an
   * answer that another host already gave. Hosts that did not answer get a "no answer" error.
   */
  static <Q, R> List<HostResponse<R>> send(ChannelPool pool, List<String> hosts, MethodDescriptor<Q, R> method,
      Q request, Duration timeout, Clock clock, Predicate<HostResponse<R>> decisive, Duration settle)
      throws InterruptedException {
    BlockingQueue<HostResponse<R>> done = new LinkedBlockingQueue<>();
    CallOptions opts = CallOptions.DEFAULT.withDeadlineAfter(Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
    for (String host : hosts) {
      ListenableFuture<R> f;
      try {
        f = ClientCalls.futureUnaryCall(pool.get(host).newCall(method, opts), request);
      } catch (RuntimeException e) {
        done.add(HostResponse.failed(host, GrpcErrors.unwrap(e)));
        continue;
      }
      Futures.addCallback(f, new FutureCallback<R>() {
        @Override
        public void onSuccess(R result) {
          done.add(HostResponse.ok(host, result));
        }

        @Override
        public void onFailure(Throwable t) {
          done.add(HostResponse.failed(host, GrpcErrors.unwrap(t)));
        }
      }, MoreExecutors.directExecutor());
    }
    return collect(done, hosts, clock, timeout.plus(GRACE), decisive, settle);
  }

  private static <R> List<HostResponse<R>> collect(BlockingQueue<HostResponse<R>> done, List<String> hosts,
      Clock clock, Duration wait, Predicate<HostResponse<R>> decisive, Duration settle) throws InterruptedException {
    List<HostResponse<R>> out = new ArrayList<>(hosts.size());
    Instant end = clock.instant().plus(wait);
    while (out.size() < hosts.size()) {
      Duration left = Duration.between(clock.instant(), end);
      HostResponse<R> r = done.poll(left.isNegative() ? 0 : left.toNanos(), TimeUnit.NANOSECONDS);
      if (r == null) {
        break;
      }
      out.add(r);
      if (decisive.test(r)) {
        end = earlier(end, clock.instant().plus(settle));
      }
    }
    for (String h : hosts) {
      if (out.stream().noneMatch(r -> r.address().equals(h))) {
        out.add(HostResponse.failed(h, new Fault(ClientFaults.DOMAIN, FaultCode.CLIENT_UNKNOWN,
            "no answer from " + h + " within the deadline", "check the server's logs")));
      }
    }
    return out;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
