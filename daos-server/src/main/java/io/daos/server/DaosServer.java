package io.daos.server;

import io.daos.common.DaemonThreads;
import io.daos.common.LifeCycle;
import io.daos.common.build.Component;
import io.daos.common.fault.Fault;
import io.daos.control.ControlClient;
import io.daos.control.config.ControlConfig;
import io.daos.control.config.TransportConfig;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.proto.mgmt.GroupUpdateResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.server.config.EngineConfig;
import io.daos.server.config.ServerConfig;
import io.daos.server.ctl.ControlService;
import io.daos.server.drpc.SecDrpcHandlers;
import io.daos.server.drpc.ServerDrpcListener;
import io.daos.server.drpc.MsPoolRecords;
import io.daos.server.drpc.PoolRecords;
import io.daos.server.drpc.SrvDrpcHandlers;
import io.daos.server.engine.Engine;
import io.daos.server.engine.EngineHarness;
import io.daos.server.engine.EngineInstance;
import io.daos.server.engine.launch.EngineLauncher;
import io.daos.server.engine.MgmtServiceClient;
import io.daos.server.engine.launch.ProcessEngineLauncher;
import io.daos.server.engine.RasPublisher;
import io.daos.server.engine.launch.Signal;
import io.daos.server.mgmt.svc.GroupUpdater;
import io.daos.server.fanout.HostLiveness;
import io.daos.server.mgmt.svc.HarnessPoolEngines;
import io.daos.server.mgmt.svc.LocalEraser;
import io.daos.server.mgmt.MgmtService;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.sysdb.LeadershipListener;
import io.daos.security.tls.PemFiles;
import io.daos.security.tls.TlsIdentity;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daos_server (DAOS server/server.go). {@link #start()} brings the parts up in DAOS's order: config
 * validation and the transport check → socket directory → MS (on a replica: database and membership,
 * started when engine 0's storage is ready) → engine harness → gRPC (MgmtSvc, CtlSvc) → dRPC listener
 * ({@code daos_server.sock}) → harness start. {@link #close()} stops them in reverse through one path, which
 * the JVM shutdown hook also takes (engines get SIGINT, then SIGKILL after a timeout).
 *
 * <p>Ports: gRPC listens on {@code port} (default 10001). An MS replica's Apache Ratis group listens on the
 * <b>control port + 1</b> (10002 by default) on the same host, so both ports must be free and reachable
 * between replicas. Ratis data lives in {@code <scm_mount of engine 0>/control_raft} (or
 * {@code <control_metadata.path>/daos_control/control_raft}).
 */
public final class DaosServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DaosServer.class);

  private final ServerConfig cfg;
  private final EngineLauncher launcher;
  private final DrpcTransport drpcTransport;
  private final LifeCycle lifeCycle = new LifeCycle("daos_server");
  private final Deque<AutoCloseable> closers = new ArrayDeque<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile EngineHarness harness;
  private volatile io.daos.control.telemetry.PromExporter telemetry;
  private volatile GrpcServer grpc;
  private volatile MsAccess access;

  private DaosServer(Builder b) {
    this.cfg = Objects.requireNonNull(b.config, "config").validate();
    this.launcher = b.launcher != null ? b.launcher : new ProcessEngineLauncher();
    this.drpcTransport = b.drpcTransport != null ? b.drpcTransport : DrpcTransport.seqpacket();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts every part in order; on failure closes what was started and rethrows.
   *
   * @throws Fault when the certificates of a secure transport are missing, unsafe or invalid
   */
  public void start() throws IOException {
    lifeCycle.transition(LifeCycle.State.STARTING);
    try {
      doStart();
      lifeCycle.transition(LifeCycle.State.RUNNING);
      LOG.info("daos_server {} started (system {}, control port {})", io.daos.common.build.BuildInfo.DAOS_VERSION,
          cfg.name(), grpcPort());
    } catch (IOException | RuntimeException e) {
      lifeCycle.transition(LifeCycle.State.FAILED);
      close();
      throw e;
    }
  }

  private void doStart() throws IOException {
    TlsIdentity tls = loadTls(cfg);
    Path socketDir = Files.createDirectories(Path.of(cfg.socketDir()));
    ServerDrpcListener.removeStaleEngineSockets(socketDir);
    ControlAddress ctl = ControlAddress.of(cfg);
    HostPreflight.check(cfg, ctl);
    access = new MsAccess(cfg.name(), ctl.replicas(), ctl.isReplica());
    ControlClient client = push(controlClient(cfg, tls));
    MgmtServiceClient msClient = new GrpcMgmtServiceClient(client);
    RasPublisher events = new RasPublisher(msClient);
    harness = EngineFactory.harness(cfg, ctl, launcher, drpcTransport, msClient, events);
    EngineHarness h0 = harness;
    access.awaitingFormat(() -> !h0.instances().isEmpty() && h0.instance(0).isAwaitingFormat());
    GroupUpdater groups = push(new GroupUpdater(this::membership, ctl.replicas(), req ->
        GroupUpdateResp.parseFrom(harness.callDrpc(DrpcMethod.MGMT_GROUP_UPDATE, req.toByteArray()))));
    GrpcControlInvoker invoker = new GrpcControlInvoker(client);
    HostLiveness liveness = push(new HostLiveness(this::membership, invoker,
        HostLiveness.Settings.fromEnv(System.getenv())));
    Leadership leadership = new Leadership(groups, liveness);
    ManagementService ms = ctl.isReplica() && hasRaftDir(cfg) ? push(managementService(cfg, ctl, leadership, tls))
        : null;
    if (ms != null) {
      startMsWithEngineZero(cfg, ms);
    }
    push(harness);
    if (cfg.telemetryPort() > 0) {
      EngineHarness h = harness;
      telemetry = push(io.daos.server.telemetry.TelemetryExporter.start(cfg.telemetryPort(), h::instances));
    }
    MgmtService mgmt = new MgmtService(MsContext.builder().access(access).invoker(invoker)
        .netHints(NetHints.of(cfg)).provider(cfg.engines().isEmpty() ? "" : cfg.engineFabric(0).provider())
        .controlPort(cfg.port()).groupUpdater(groups).poolEngines(poolEngines(cfg))
        .eraser(ms == null ? null : new Eraser(ms, groups)).build());
    leadership.poolCheck = () -> checkPools(mgmt);
    EngineHarness running = harness;
    ControlService ctlSvc = new ControlService(harness, events, cfg.engines()).collectLogWith(
        new io.daos.server.ctl.CollectLogHandler(cfg, () -> running.instances().stream()
            .anyMatch(io.daos.server.engine.Engine::isStarted)))
        .checkRepairWith(new io.daos.server.ctl.CheckEngineRepairHandler(harness, r -> client.invokeMs(
            MgmtSvcGrpc.getSystemCheckRepairMethod(), r, Duration.ofMinutes(2))));
    grpc = push(new GrpcServer(ctl.bindHost(), cfg.port(), "daos_server",
        List.of(mgmt.definition(), ctlSvc.bindService(), new HealthStatusManager().getHealthService().bindService()), tls));
    grpc.start();
    PoolRecords fromMs = new MsPoolRecords(cfg.name(), req -> client.invokeMs(MgmtSvcGrpc.getListPoolsMethod(), req,
        Duration.ofSeconds(10)));
    DrpcRegistry registry = SrvDrpcHandlers.register(new DrpcRegistry(), harness, msClient,
        PoolRecords.of(() -> access.ms().map(MsAccess.Ms::db), fromMs), events);
    SecDrpcHandlers.register(registry, cfg.transport().allowInsecure(), Path.of(cfg.transport().clientCertDir()),
        cfg.transport().credentials(), java.time.Clock.systemUTC());
    ServerDrpcListener drpc = push(new ServerDrpcListener(socketDir, registry, drpcTransport));
    drpc.start();
    harness.start();
  }

  /**
   * The server certificate of transport_config, checked before anything starts (DAOS PreLoadCertData: the
   * client_cert_dir readable, CA, certificate and key present, the key 0400 at most, the certificate from the CA
   * and not expired); null in insecure mode, which is said loudly.
   */
  private static TlsIdentity loadTls(ServerConfig c) {
    io.daos.server.config.TransportConfig t = c.transport();
    if (t.allowInsecure()) {
      LOG.warn("INSECURE MODE: transport_config.allow_insecure is true: the control plane runs without TLS and "
          + "nothing is authenticated; any host that reaches port {} may call every management RPC. Generate "
          + "certificates with bin/gen_certificates.sh and see \"Secure set-up\" in docs/admin-guide.md", c.port());
      return null;
    }
    TlsIdentity id = TlsIdentity.load(t.caCert(), t.cert(), t.key(), t.clientCertDir(),
        PemFiles.MAX_USER_ONLY_KEY_PERM, java.time.Clock.systemUTC());
    LOG.info("control plane TLS: certificate {} ({}), CA {}, client certificates in {}", t.cert(),
        id.certificate().getSubjectX500Principal().getName(), t.caCert(), t.clientCertDir());
    return id;
  }

  /** The server's own client (fan-out, join, MS calls), with the server certificate in secure mode. */
  private static ControlClient controlClient(ServerConfig c, TlsIdentity tls) {
    io.daos.server.config.TransportConfig t = c.transport();
    ControlConfig cc = new ControlConfig(c.name(), c.port(), c.mgmtSvcReplicas(),
        new TransportConfig(t.allowInsecure(), t.caCert(), t.cert(), t.key(), ""), null);
    return ControlClient.builder().config(cc).component(Component.SERVER).tlsIdentity(tls).build();
  }

  /**
   * Whether the MS database has somewhere to live: control_metadata.path or engine 0's SCM mount (DAOS
   * cfgGetRaftDir). Without engines (discovery mode) and without control_metadata this replica runs no MS.
   */
  private static boolean hasRaftDir(ServerConfig c) {
    if (c.controlMetadata().hasPath() || !c.engines().isEmpty()) {
      return true;
    }
    LOG.warn("no engines in {} (discovery mode): this MS replica runs no management service, so dmg can only "
        + "scan storage and network; add an engines section (see config/ or `dmg config generate`) and restart "
        + "daos_server", c.path() == null ? "the config" : c.path());
    return false;
  }

  private ManagementService managementService(ServerConfig c, ControlAddress ctl, Leadership leadership,
      TlsIdentity tls) {
    Path dir = c.controlMetadata().hasPath() ? c.controlMetadata().directory().resolve("control_raft")
        : Path.of(c.engines().get(0).scmTier().scmMount()).resolve("control_raft");
    return new ManagementService(access, ctl.replicaAddr().orElseThrow(), ctl.replicas(), dir, leadership, tls);
  }

  private void startMsWithEngineZero(ServerConfig c, ManagementService ms) {
    if (c.engines().isEmpty() || !(harness.instance(0) instanceof EngineInstance e0)) {
      LOG.warn("MS replica without engines: the MS database starts when engine 0's storage is ready");
      return;
    }
    e0.onStorageReady(e -> ms.start());
  }

  private io.daos.server.system.Membership membership() {
    MsAccess a = access;
    return a == null ? null : a.ms().map(MsAccess.Ms::membership).orElse(null);
  }

  private <T extends AutoCloseable> T push(T c) {
    closers.push(c);
    return c;
  }

  /** After the database is attached (leadership can be gained while it starts), DAOS checkPools. */
  private void checkPools(MgmtService mgmt) {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (access.ms().isEmpty() && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    try {
      List<java.util.UUID> done = mgmt.poolHandler().checkPools();
      if (!done.isEmpty()) {
        LOG.info("new MS leader finished off pools left in Creating or Destroying: {}", done);
      }
    } catch (RuntimeException e) {
      LOG.warn("checking pools after gaining MS leadership failed: {}", e.getMessage());
    }
  }

  /** The gRPC port actually bound, or the configured port before start. */
  public int grpcPort() {
    GrpcServer g = grpc;
    return g == null ? cfg.port() : g.port();
  }

  private HarnessPoolEngines poolEngines(ServerConfig c) {
    if (c.engines().isEmpty()) {
      return null;
    }
    EngineConfig e0 = c.engines().get(0);
    return new HarnessPoolEngines(harness, e0.targets(), !e0.bdevTiers().isEmpty(), e0.hasBdevRoleMeta());
  }

  /** The validated configuration this server runs with. */
  public ServerConfig config() {
    return cfg;
  }

  /** The Prometheus exporter, when telemetry_port is set. */
  public java.util.Optional<io.daos.control.telemetry.PromExporter> telemetry() {
    return java.util.Optional.ofNullable(telemetry);
  }

  public EngineHarness harness() {
    return harness;
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  /** Stops everything in reverse start order; safe to call more than once and from a shutdown hook. */
  @Override
  public void close() {
    if (!lifeCycle.checkStateAndClose()) {
      return;
    }
    LOG.info("daos_server shutting down");
    while (!closers.isEmpty()) {
      AutoCloseable c = closers.pop();
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("error stopping {}: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
    lifeCycle.transition(LifeCycle.State.CLOSED);
    closed.countDown();
  }

  /** SystemErase on this server: engines lose their superblocks, the MS database starts empty. */
  private final class Eraser implements LocalEraser {
    private final ManagementService ms;
    private final GroupUpdater groups;

    Eraser(ManagementService ms, GroupUpdater groups) {
      this.ms = ms;
      this.groups = groups;
    }

    @Override
    public void resetEngines() {
      for (Engine e : harness.instances()) {
        try {
          if (e.isStarted()) {
            e.stop(Signal.SIGKILL);
          }
          e.removeSuperblock();
        } catch (IOException | RuntimeException err) {
          LOG.error("instance {} failed to reset for erase: {}", e.index(), err.toString());
        }
      }
    }

    @Override
    public void eraseDatabase() throws IOException {
      ms.eraseAndRestart();
      groups.reset();
    }
  }

  /** The MS leader's duties: an immediate group update on gaining leadership, and the hosts' liveness check. */
  private static final class Leadership implements LeadershipListener {
    private final GroupUpdater groups;
    private final HostLiveness liveness;

    Leadership(GroupUpdater groups, HostLiveness liveness) {
      this.groups = groups;
      this.liveness = liveness;
    }

    /** Set once the MgmtSvc exists: DAOS checkPools, run off the Raft notification thread. */
    private volatile Runnable poolCheck;

    @Override
    public void onLeadershipGained() {
      LOG.info("this server is now the MS leader");
      groups.request(true);
      liveness.start();
      Runnable check = poolCheck;
      if (check != null) {
        DaemonThreads.start("ms-check-pools", check);
      }
    }

    @Override
    public void onLeadershipLost() {
      LOG.info("this server is no longer the MS leader");
      liveness.stop();
    }
  }

  /**
   * Builder: config is required; the launcher defaults to forking {@code daos_engine}, the dRPC transport
   * (daos_server.sock and the engines' sockets) to AF_UNIX SOCK_SEQPACKET.
   */
  public static final class Builder {
    private ServerConfig config;
    private EngineLauncher launcher;
    private DrpcTransport drpcTransport;

    public Builder config(ServerConfig v) {
      config = v;
      return this;
    }

    public Builder launcher(EngineLauncher v) {
      launcher = v;
      return this;
    }

    /** How daos_server and its engines exchange dRPC; engines launched in-process share it. */
    public Builder drpcTransport(DrpcTransport v) {
      drpcTransport = v;
      return this;
    }

    /**
     * Validates the config (DAOS's rules) and builds the server.
     *
     * @throws Fault when the config is invalid
     */
    public DaosServer build() {
      return new DaosServer(this);
    }
  }
}
