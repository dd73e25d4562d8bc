package io.daos.control;

import io.daos.common.build.Component;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.hostlist.HostPorts;
import io.daos.control.config.ControlConfig;
import io.daos.control.errors.ClientFaults;
import io.daos.control.errors.MsErrors;
import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link ControlClient} over real gRPC channels. */
final class DefaultControlClient implements ControlClient {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultControlClient.class);
  /**
   * How long an MS request waits for the other candidates once one has answered (DAOS
   * waits for all of them, so one stopped host held every request until its deadline).
   */
  static final Duration MS_SETTLE = Duration.ofSeconds(2);

  private final ControlConfig config;
  private final List<String> hosts;
  private final ControlClient.Builder settings;
  private final ChannelPool pool;

  DefaultControlClient(ControlClient.Builder b) {
    ControlConfig c = b.config;
    if (b.hostList != null) {
      c = c.withHostList(b.hostList);
    }
    if (b.insecure != null) {
      c = c.withInsecure(b.insecure);
    }
    if (c.port() <= 0 || c.port() > 65535) {
      throw ClientFaults.badControlPort();
    }
    if (c.hostList().isEmpty()) {
      throw ClientFaults.emptyHostList();
    }
    this.config = c;
    this.hosts = resolve(c.hostList());
    this.settings = b;
    this.pool = new ChannelPool(b.channelFactory, credentials(c, b.credentials), b.component, b.version);
  }

  private static ChannelCredentials credentials(ControlConfig c, ChannelCredentials given) {
    if (c.transport().allowInsecure()) {
      return InsecureChannelCredentials.create();
    }
    if (given == null) {
      throw new Fault("security", FaultCode.SECURITY_UNKNOWN,
          "transport security (TLS) is required by the configuration, but this client has no TLS credentials yet",
          "set 'allow_insecure: true' under transport_config in daos_control.yml, or run dmg with --insecure");
    }
    return given;
  }

  private List<String> resolve(List<String> in) {
    try {
      return HostPorts.resolve(in, config.port());
    } catch (IllegalArgumentException e) {
      throw ClientFaults.badConfig("invalid host list " + in + ": " + e.getMessage(),
          "list servers as host, host:port or ranges such as node[1-4]:10001");
    }
  }

  @Override
  public <Q, R> R invokeMs(MethodDescriptor<Q, R> method, Q request) {
    return invokeMs(method, request, MsRequestOptions.defaults().withTimeout(settings.requestTimeout));
  }

  @Override
  public <Q, R> R invokeMs(MethodDescriptor<Q, R> method, Q request, Duration timeout) {
    return invokeMs(method, request, MsRequestOptions.defaults().withTimeout(timeout));
  }

  @Override
  public <Q, R> R invokeMs(MethodDescriptor<Q, R> method, Q request, MsRequestOptions options) {
    List<String> start = options.hosts().isEmpty()
        ? MsCandidates.pick(hosts, MsCandidates.MAX, settings.random) : resolve(options.hosts());
    MsRequest<Q, R> r = new MsRequest<>(this, method, ProtoFields.withSysIfUnset(request, config.systemName()),
        options, start);
    return interruptible(r::run);
  }

  @Override
  public <Q, R> HostResponses<R> invokeHosts(MethodDescriptor<Q, R> method, Q request, List<String> targets) {
    return invokeHosts(method, request, targets, settings.requestTimeout);
  }

  @Override
  public <Q, R> HostResponses<R> invokeHosts(MethodDescriptor<Q, R> method, Q request, List<String> targets,
      Duration timeout) {
    List<String> to = targets == null || targets.isEmpty() ? hosts : resolve(targets);
    Q req = ProtoFields.withSysIfUnset(request, config.systemName());
    List<HostResponse<R>> got = interruptible(() -> FanOut.send(pool, to, method, req, timeout, settings.clock));
    List<HostResponse<R>> ordered = new ArrayList<>();
    for (String h : to) {
      got.stream().filter(r -> r.address().equals(h)).findFirst()
          .map(r -> r.isOk() || !MsErrors.isTimeout(r.error()) ? r
              : HostResponse.<R>failed(h, ClientFaults.rpcTimeout(method.getBareMethodName(), timeout)))
          .ifPresent(ordered::add);
    }
    return new HostResponses<>(ordered);
  }

  /**
   * An MS answer worth acting on without the other candidates: a response. (Not a not-leader naming the
   * leader: the leader may be one of the candidates still working on the request, and a retry would run it
   * twice while the first run is cancelled when this client exits.)
   */
  private static boolean decisive(HostResponse<?> r) {
    return r.isOk();
  }

  <Q, R> List<HostResponse<R>> send(List<String> to, MethodDescriptor<Q, R> method, Q request, Duration timeout)
      throws InterruptedException {
    LOG.debug("{} to {} (timeout {})", method.getBareMethodName(), to, timeout);
    return FanOut.send(pool, to, method, request, timeout, settings.clock, DefaultControlClient::decisive,
        MS_SETTLE);
  }

  List<String> normalize(List<String> addrs) {
    return resolve(addrs);
  }

  ControlClient.Builder settings() {
    return settings;
  }

  private interface Call<T> {
    T run() throws InterruptedException;
  }

  private static <T> T interruptible(Call<T> c) {
    try {
      return c.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Fault(ClientFaults.DOMAIN, FaultCode.CLIENT_UNKNOWN, "request interrupted", "retry the request");
    }
  }

  @Override
  public String systemName() {
    return config.systemName();
  }

  @Override
  public List<String> hostAddresses() {
    return hosts;
  }

  @Override
  public Component component() {
    return settings.component;
  }

  @Override
  public void close() {
    pool.close();
  }
}
