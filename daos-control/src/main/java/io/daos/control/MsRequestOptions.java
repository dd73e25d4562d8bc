package io.daos.control;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Options for one management-service request: overall timeout (default 5 min), optional per-try timeout,
 * explicit hosts (default: up to 5 random hosts of the configured list), and extra errors worth retrying
 * (DAOS pool requests retry on DER_TIMEDOUT, DER_GRPVER, DER_AGAIN, ...; retries restart at the first hosts).
 */
public record MsRequestOptions(Duration timeout, Duration perTryTimeout, List<String> hosts,
    Predicate<Throwable> retryIf) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  public MsRequestOptions {
    Objects.requireNonNull(timeout, "timeout");
    hosts = hosts == null ? List.of() : List.copyOf(hosts);
    retryIf = retryIf == null ? e -> false : retryIf;
  }

  public static MsRequestOptions defaults() {
    return new MsRequestOptions(DEFAULT_TIMEOUT, null, List.of(), null);
  }

  public MsRequestOptions withTimeout(Duration t) {
    return new MsRequestOptions(t, perTryTimeout, hosts, retryIf);
  }

  public MsRequestOptions withPerTryTimeout(Duration t) {
    return new MsRequestOptions(timeout, t, hosts, retryIf);
  }

  public MsRequestOptions withHosts(List<String> h) {
    return new MsRequestOptions(timeout, perTryTimeout, h, retryIf);
  }

  public MsRequestOptions withRetryIf(Predicate<Throwable> p) {
    return new MsRequestOptions(timeout, perTryTimeout, hosts, p);
  }
}
