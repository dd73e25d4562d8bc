package io.daos.control;

import io.daos.common.build.Component;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.hostlist.HostPorts;
import io.daos.control.config.ControlConfig;
import io.daos.control.errors.ClientFaults;
import io.daos.control.errors.MsErrors;
import io.daos.control.config.TransportConfig;
import io.daos.security.tls.DaosTrustManager;
import io.daos.security.tls.PemFiles;
import io.daos.security.tls.TlsIdentity;
import io.grpc.ChannelCredentials;
import io.grpc.TlsChannelCredentials;
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
    if (c.transport().allowInsecure()) {
      this.pool = new ChannelPool(b.channelFactory, InsecureChannelCredentials.create(), b.component, b.version);
    } else if (b.credentials != null) {
      this.pool = new ChannelPool(b.channelFactory, b.credentials, b.component, b.version);
    } else {
      TlsIdentity id = b.tlsIdentity != null ? b.tlsIdentity : loadIdentity(c, b);
      ChannelFactory f = b.channelFactory == ChannelFactory.DEFAULT ? new TlsChannelFactory(id) : b.channelFactory;
      ChannelCredentials creds = TlsChannelCredentials.newBuilder().keyManager(id.keyManagers())
          .trustManager(DaosTrustManager.checkingServers(id)).build();
      this.pool = new ChannelPool(f, creds, b.component, b.version);
    }
  }

  /**
   * The certificate files of transport_config, checked as DAOS's PreLoadCertData (dmg's key may be 0440, the
   * daemons' 0400).
   */
  private static TlsIdentity loadIdentity(ControlConfig c, ControlClient.Builder b) {
    TransportConfig t = c.transport();
    int maxKey = b.component == Component.ADMIN ? PemFiles.MAX_GROUP_KEY_PERM : PemFiles.MAX_USER_ONLY_KEY_PERM;
    return TlsIdentity.load(t.caCert(), t.cert(), t.key(), t.clientCertDir(), maxKey, b.clock);
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

  /** True if none of {@code to} has ever answered a connection (all still connecting). */
  boolean unreached(List<String> to) {
    return !to.isEmpty() && to.stream().allMatch(pool::neverConnected);
  }

  /** Waits up to {@code wait} until one of {@code to} is connected or has refused; false if all still connect. */
  boolean awaitConnection(List<String> to, Duration wait) throws InterruptedException {
    return pool.awaitConnection(to, wait);
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
