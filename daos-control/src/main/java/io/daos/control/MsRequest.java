package io.daos.control;

import io.daos.common.ExpBackoff;
import io.daos.control.errors.ClientFaults;
import io.daos.control.errors.MsErrors;
import io.daos.control.errors.NotLeaderException;
import io.daos.control.errors.NotReplicaException;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One management-service request with DAOS's redirect and retry loop (lib/control/rpc.go invokeUnaryRPC). */
final class MsRequest<Q, R> {
  private static final Logger LOG = LoggerFactory.getLogger(MsRequest.class);
  static final Duration BASE_BACKOFF = Duration.ofMillis(250);
  static final long MAX_BACKOFF_FACTOR = 7;
  /**
   * How long a request waits for a first connection to hosts it has never reached (jdaos: DAOS waits for the whole
   * request timeout): an unreachable host fails in seconds, naming host and port.
   */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final DefaultControlClient client;
  private final MethodDescriptor<Q, R> method;
  private final Q request;
  private final MsRequestOptions options;
  private final List<String> startHosts;
  private HostResponse<R> leaderless;

  MsRequest(DefaultControlClient client, MethodDescriptor<Q, R> method, Q request, MsRequestOptions options,
      List<String> startHosts) {
    this.client = client;
    this.method = method;
    this.request = request;
    this.options = options;
    this.startHosts = startHosts;
  }

  R run() throws InterruptedException {
    Instant deadline = now().plus(options.timeout());
    List<String> hosts = startHosts;
    for (long attempt = 0; ; attempt++) {
      Duration left = Duration.between(now(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw explained(timeout());
      }
      Duration connect = min(left, CONNECT_TIMEOUT);
      if (client.unreached(hosts) && !client.awaitConnection(hosts, connect)) {
        throw ClientFaults.unreachable(hosts, connect);
      }
      HostResponse<R> picked = MsResponses.pick(client.send(hosts, method, request, tryTimeout(left)));
      if (picked.isOk()) {
        return picked.response();
      }
      noteLeaderless(picked);
      try {
        hosts = nextHosts(picked.error(), hosts, deadline);
      } catch (RuntimeException e) {
        throw explained(e);
      }
      Duration wait = ExpBackoff.backoff(BASE_BACKOFF, attempt, MAX_BACKOFF_FACTOR, client.settings().random);
      if (!now().plus(wait).isBefore(deadline)) {
        throw explained(timeout());
      }
      LOG.debug("retrying {} at {} after {}: {}", method.getBareMethodName(), hosts, wait, picked.error().toString());
      client.settings().sleeper.sleep(wait);
    }
  }

  /** Remembers the last replica that answered "no leader known" (forgotten once a leader is named). */
  private void noteLeaderless(HostResponse<R> picked) {
    if (picked.error() instanceof NotLeaderException nl) {
      leaderless = nl.leaderHint().isEmpty() ? picked : null;
    }
  }

  /**
   * A connection failure or timeout after a replica said it knows no leader means the MS has none (too few
   * replicas running for a quorum): say so instead of reporting only the unreachable host or the timeout.
   */
  private RuntimeException explained(RuntimeException e) {
    if (leaderless == null || !(ClientFaults.isConnectionFault(e) || MsErrors.isTimeout(e))) {
      return e;
    }
    NotLeaderException nl = (NotLeaderException) leaderless.error();
    List<String> others = nl.replicas().stream().filter(r -> !r.equals(leaderless.address())).toList();
    return ClientFaults.noMsLeader(leaderless.address(), others, e);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private Duration tryTimeout(Duration left) {
    Duration per = options.perTryTimeout();
    return per != null && per.compareTo(left) < 0 ? per : left;
  }

  /** Where to retry after {@code err}, or throws if the error is final. */
  private List<String> nextHosts(Throwable err, List<String> hosts, Instant deadline) {
    boolean expired = !now().isBefore(deadline);
    if (!expired && options.retryIf().test(err)) {
      return startHosts;
    }
    if (err instanceof NotLeaderException nl) {
      if (!nl.leaderHint().isEmpty()) {
        return client.normalize(List.of(nl.leaderHint()));
      }
      return nl.replicas().isEmpty() ? hosts : client.normalize(nl.replicas());
    }
    if (err instanceof NotReplicaException nr) {
      return nr.replicas().isEmpty() ? hosts : client.normalize(nr.replicas());
    }
    if (MsErrors.isTimeout(err)) {
      if (expired) {
        throw timeout();
      }
      return hosts;
    }
    if (MsErrors.isUnavailable(err) && !MsErrors.isUnimplemented(err)) {
      return hosts;
    }
    throw asRuntime(err);
  }

  private RuntimeException timeout() {
    return ClientFaults.rpcTimeout(method.getBareMethodName(), options.timeout());
  }

  private static RuntimeException asRuntime(Throwable err) {
    return err instanceof RuntimeException re ? re : new IllegalStateException(err);
  }

  private Instant now() {
    return client.settings().clock.instant();
  }
}
