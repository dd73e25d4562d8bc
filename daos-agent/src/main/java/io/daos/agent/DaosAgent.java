package io.daos.agent;

import io.daos.agent.config.AgentConfig;
import io.daos.agent.mgmt.AttachInfoCache;
import io.daos.agent.mgmt.AttachInfoSource;
import io.daos.agent.mgmt.FabricSelector;
import io.daos.agent.mgmt.MgmtModule;
import io.daos.agent.mgmt.PoolEvicter;
import io.daos.agent.mgmt.ProcessMonitor;
import io.daos.agent.security.CredentialFactory;
import io.daos.agent.security.SecurityModule;
import io.daos.agent.security.UserDb;
import io.daos.common.LifeCycle;
import io.daos.common.build.Component;
import io.daos.common.fault.Fault;
import io.daos.control.ChannelFactory;
import io.daos.control.ControlClient;
import io.daos.security.tls.PemFiles;
import io.daos.security.tls.TlsIdentity;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.drpc.server.DrpcServer;
import io.daos.drpc.transport.DrpcTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daos_agent daemon (DAOS cmd/daos_agent/start.go): validates the config, opens a control client to the
 * MS (component agent), builds the attach-info cache and process monitor, registers the SEC_AGENT and MGMT
 * dRPC modules and listens on {@code <runtime_dir>/daos_agent.sock} (mode 0666, stale file removed).
 * {@link #close()} is the one stop path (signals, shutdown hook, tests): calls are refused from then on,
 * tracked pool handles are evicted unless {@code disable_auto_evict}, and everything started is closed in
 * reverse order.
 */
public final class DaosAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DaosAgent.class);
  /** Deadline of each MS request the agent makes. */
  static final Duration MS_TIMEOUT = Duration.ofSeconds(30);
  /**
   * Largest Call the agent takes. Its requests (attach info, credentials, pool handle notices) are a few hundred
   * bytes; any user may write to the agent's socket, so a larger announced message is refused at its first chunk.
   */
  static final long MAX_CALL_SIZE = 1 << 20;
  /** Clients connect, call and close; a connection that sends nothing for this long is closed. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  private final Builder cfg;
  private final LifeCycle lifeCycle = new LifeCycle("daos_agent");
  private final AtomicBoolean shuttingDown = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private ProcessMonitor monitor;
  private volatile io.daos.control.telemetry.PromExporter telemetry;
  private MgmtModule mgmt;
  private DrpcServer drpc;

  private DaosAgent(Builder cfg) {
    this.cfg = cfg;
  }

  public static Builder builder(AgentConfig config) {
    return new Builder(config);
  }

  /**
   * Starts serving.
   *
   * @throws io.daos.agent.config.AgentConfigException for an invalid config
   * @throws Fault for missing, unsafe or invalid certificate files in secure mode, or an unusable runtime directory
   */
  public void start() throws IOException {
    lifeCycle.transition(LifeCycle.State.STARTING);
    try {
      doStart();
      lifeCycle.transition(LifeCycle.State.RUNNING);
    } catch (IOException | RuntimeException e) {
      lifeCycle.transition(LifeCycle.State.FAILED);
      close();
      throw e;
    }
    LOG.info("daos_agent version {} (pid {}) listening on {}", io.daos.common.build.BuildInfo.DAOS_VERSION,
        ProcessHandle.current().pid(), drpc.socketPath());
  }

  private void doStart() throws IOException {
    AgentConfig c = cfg.config.validate();
    TlsIdentity tls = loadTls(c);
    Path runtimeDir = Files.createDirectories(Path.of(c.runtimeDir()));
    ControlClient client = ControlClient.builder().config(c.controlConfig()).component(Component.AGENT)
        .channelFactory(cfg.channelFactory).clock(cfg.clock).tlsIdentity(tls).build();
    resources.push(client);
    AttachInfoCache cache = new AttachInfoCache(AttachInfoSource.ms(client, cfg.msTimeout), cfg.clock,
        c.cacheExpiration(), c.attachInfoCacheDisabled());
    monitor = new ProcessMonitor(PoolEvicter.ms(client, cfg.msTimeout));
    resources.push(monitor);
    DrpcRegistry registry = new DrpcRegistry();
    new SecurityModule(new CredentialFactory(cfg.userDb, CredentialFactory::localHostname), c.credentialConfig(),
        tls == null ? null : tls.privateKey(), cfg.clock).register(registry);
    io.daos.agent.mgmt.ClientTelemetryStore clients = io.daos.agent.mgmt.ClientTelemetryStore.ofHost(cfg.clock,
        c.telemetry().retain());
    mgmt = new MgmtModule(c.name(), cache, new FabricSelector(c), monitor, shuttingDown::get, c.telemetry(), clients);
    mgmt.register(registry);
    drpc = DrpcServer.builder(runtimeDir.resolve(AgentConfig.SOCKET_NAME), registry).mode("rw-rw-rw-")
        .maxMessageSize(MAX_CALL_SIZE).idleTimeout(IDLE_TIMEOUT).transport(cfg.drpcTransport).build();
    resources.push(drpc);
    drpc.start();
    if (c.telemetry().exportEnabled()) {
      telemetry = io.daos.agent.telemetry.AgentExporter.start(c.telemetry().port(), monitor, clients);
      resources.push(telemetry);
    }
    if (c.enableEvictOnStart()) {
      monitor.cleanupMachine(CredentialFactory.localHostname().split("\\.")[0]);
    }
  }

  /**
   * Secure mode: the agent certificate, checked as DAOS does (key 0400 at most, from the CA, not expired; a bad
   * file fails the start-up with a security fault naming it); it authenticates the agent to the servers and its
   * key signs client credentials. Insecure mode (null) is said loudly.
   */
  private TlsIdentity loadTls(AgentConfig c) {
    io.daos.control.config.TransportConfig t = c.transport();
    if (t.allowInsecure()) {
      LOG.warn("INSECURE MODE: transport_config.allow_insecure is true: daos_agent talks to the servers without "
          + "TLS and nothing is authenticated. Generate certificates with bin/gen_certificates.sh and see "
          + "\"Secure set-up\" in docs/admin-guide.md");
      return null;
    }
    return TlsIdentity.load(t.caCert(), t.cert(), t.key(), "", PemFiles.MAX_USER_ONLY_KEY_PERM, cfg.clock);
  }

  public Path socketPath() {
    return drpc == null ? cfg.config.socketPath() : drpc.socketPath();
  }

  public LifeCycle.State state() {
    return lifeCycle.current();
  }

  /** Re-fetches cached attach info (SIGUSR2). */
  /** The Prometheus exporter, when telemetry_port is set. */
  public java.util.Optional<io.daos.control.telemetry.PromExporter> telemetry() {
    return java.util.Optional.ofNullable(telemetry);
  }

  public void refreshCaches() {
    if (mgmt != null) {
      try {
        mgmt.refreshCache();
      } catch (RuntimeException e) {
        LOG.error("failed to refresh attach info cache: {}", e.getMessage());
      }
    }
  }

  /** Evicts every tracked pool handle (SIGUSR1). */
  public void flushHandles() {
    if (monitor != null) {
      monitor.flushAll();
    }
  }

  public ProcessMonitor processMonitor() {
    return monitor;
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  @Override
  public void close() {
    if (!lifeCycle.checkStateAndClose()) {
      return;
    }
    shuttingDown.set(true);
    if (monitor != null && !cfg.config.disableAutoEvict()) {
      monitor.flushAll();
    }
    while (!resources.isEmpty()) {
      AutoCloseable r = resources.pop();
      try {
        r.close();
      } catch (Exception e) {
        LOG.warn("daos_agent: closing {}: {}", r.getClass().getSimpleName(), e.toString());
      }
    }
    lifeCycle.transition(LifeCycle.State.CLOSED);
    closed.countDown();
    LOG.info("daos_agent stopped");
  }

  /** Agent settings; everything but the config has a production default. */
  public static final class Builder {
    private final AgentConfig config;
    private Clock clock = Clock.systemUTC();
    private ChannelFactory channelFactory = ChannelFactory.DEFAULT;
    private UserDb userDb = UserDb.system();
    private Duration msTimeout = MS_TIMEOUT;
    private DrpcTransport drpcTransport = DrpcTransport.seqpacket();

    private Builder(AgentConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c);
      return this;
    }

    /** gRPC channels to the MS (tests: in-process). */
    public Builder channelFactory(ChannelFactory f) {
      this.channelFactory = Objects.requireNonNull(f);
      return this;
    }

    public Builder userDb(UserDb db) {
      this.userDb = Objects.requireNonNull(db);
      return this;
    }

    public Builder msTimeout(Duration d) {
      this.msTimeout = Objects.requireNonNull(d);
      return this;
    }

    /** How clients reach {@code daos_agent.sock} (default AF_UNIX SOCK_SEQPACKET). */
    public Builder drpcTransport(DrpcTransport t) {
      this.drpcTransport = Objects.requireNonNull(t);
      return this;
    }

    public DaosAgent build() {
      return new DaosAgent(this);
    }
  }
}
