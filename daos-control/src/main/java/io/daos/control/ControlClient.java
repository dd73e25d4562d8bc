package io.daos.control;

import io.daos.common.build.BuildInfo;
import io.daos.common.build.Component;
import io.daos.common.build.Version;
import io.daos.control.config.ControlConfig;
import io.daos.control.errors.NotLeaderException;
import io.daos.control.errors.NotReplicaException;
import io.daos.control.errors.PoolNotFoundException;
import io.grpc.ChannelCredentials;
import io.grpc.MethodDescriptor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * gRPC client for DAOS servers with DAOS's request rules (lib/control/rpc.go). Management-service
 * requests ({@link #invokeMs}) go to up to 5 random candidate hosts at once, take the successful answer with
 * the highest {@code data_version}, follow not-leader/not-replica redirections and retry timeouts and
 * "MS not ready" errors with DAOS's backoff until the deadline. Host requests ({@link #invokeHosts}) fan out
 * to every host and return each host's result or error. Failures are typed: {@link io.daos.common.fault.Fault},
 * {@link io.daos.common.status.DaosException}, {@link NotLeaderException}, {@link NotReplicaException},
 * {@link PoolNotFoundException}, or a {@link io.grpc.StatusRuntimeException} for anything else.
 * An empty {@code sys} field in a request is filled with the configured system name.
 */
public interface ControlClient extends AutoCloseable {
  static Builder builder() {
    return new Builder();
  }

  /** An MS request with the client's default deadline (5 minutes unless {@link Builder#requestTimeout}). */
  <Q, R> R invokeMs(MethodDescriptor<Q, R> method, Q request);

  /** An MS request with an overall deadline. */
  <Q, R> R invokeMs(MethodDescriptor<Q, R> method, Q request, Duration timeout);

  <Q, R> R invokeMs(MethodDescriptor<Q, R> method, Q request, MsRequestOptions options);

  /** Sends the request to every host ({@code hosts} empty: the configured list) with the default deadline. */
  <Q, R> HostResponses<R> invokeHosts(MethodDescriptor<Q, R> method, Q request, List<String> hosts);

  <Q, R> HostResponses<R> invokeHosts(MethodDescriptor<Q, R> method, Q request, List<String> hosts,
      Duration timeout);

  String systemName();

  /** The configured hosts as {@code host:port} addresses. */
  List<String> hostAddresses();

  Component component();

  /** Shuts down all channels. */
  @Override
  void close();

  /** Builds a {@link ControlClient}; every setting has DAOS's default. */
  final class Builder {
    ControlConfig config = ControlConfig.defaults();
    List<String> hostList;
    Boolean insecure;
    Component component = Component.ADMIN;
    Version version = BuildInfo.DAOS_VERSION;
    ChannelFactory channelFactory = ChannelFactory.DEFAULT;
    ChannelCredentials credentials;
    io.daos.security.tls.TlsIdentity tlsIdentity;
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.SYSTEM;
    Random random = new Random();
    Duration requestTimeout = MsRequestOptions.DEFAULT_TIMEOUT;

    Builder() {
    }

    /** Deadline of requests made without one (default 5 minutes, DAOS's defaultRequestTimeout). */
    public Builder requestTimeout(Duration t) {
      if (t.isNegative() || t.isZero()) {
        throw new IllegalArgumentException("request timeout must be positive: " + t);
      }
      this.requestTimeout = t;
      return this;
    }

    /** Name, port, host list and transport settings (default: {@link ControlConfig#defaults()}). */
    public Builder config(ControlConfig c) {
      this.config = Objects.requireNonNull(c, "config");
      return this;
    }

    /** Overrides the configured host list (entries may be ranged and may lack the port). */
    public Builder hostList(List<String> hosts) {
      this.hostList = List.copyOf(hosts);
      return this;
    }

    /** Overrides transport_config.allow_insecure (dmg -i). */
    public Builder insecure(boolean on) {
      this.insecure = on;
      return this;
    }

    /** Who is calling, sent as x-daos-component (default admin). */
    public Builder component(Component c) {
      this.component = Objects.requireNonNull(c, "component");
      return this;
    }

    /** Version sent as x-daos-version (default {@link BuildInfo#DAOS_VERSION}). */
    public Builder version(Version v) {
      this.version = Objects.requireNonNull(v, "version");
      return this;
    }

    public Builder channelFactory(ChannelFactory f) {
      this.channelFactory = Objects.requireNonNull(f, "channelFactory");
      return this;
    }

    /** Credentials for secure mode replacing those made from transport_config (tests with their own transport). */
    public Builder channelCredentials(ChannelCredentials c) {
      this.credentials = c;
      return this;
    }

    /**
     * Secure mode with already loaded certificates (a daemon loads its own once); without it the client loads
     * transport_config's files itself, checking them as DAOS does.
     */
    public Builder tlsIdentity(io.daos.security.tls.TlsIdentity id) {
      this.tlsIdentity = id;
      return this;
    }

    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c, "clock");
      return this;
    }

    public Builder sleeper(Sleeper s) {
      this.sleeper = Objects.requireNonNull(s, "sleeper");
      return this;
    }

    /** Source of MS candidate choice and backoff jitter. */
    public Builder random(Random r) {
      this.random = Objects.requireNonNull(r, "random");
      return this;
    }

    /**
     * @throws io.daos.common.fault.Fault for an empty host list, a bad port, or secure mode with certificate files
     *     that are missing, unsafe or invalid (security faults naming the file)
     */
    public ControlClient build() {
      return new DefaultControlClient(this);
    }
  }
}
