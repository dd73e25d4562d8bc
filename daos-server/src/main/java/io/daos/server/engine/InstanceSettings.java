package io.daos.server.engine;

import io.daos.drpc.client.DrpcClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/** What an {@link EngineInstance} is built from; see {@link Builder}. */
public final class InstanceSettings {
  final int index;
  final EngineStorage storage;
  final EngineLauncher launcher;
  final LaunchSpecFactory launchSpecs;
  final MgmtServiceClient mgmt;
  final RasPublisher events;
  final String systemName;
  final String controlAddr;
  final String faultDomain;
  final String hostname;
  final boolean bootstrapRankZero;
  final Function<Path, DrpcClient> drpcClients;
  final Duration joinTimeout;
  final Duration stopTimeout;

  private InstanceSettings(Builder b) {
    this.index = b.index;
    this.storage = Objects.requireNonNull(b.storage, "storage");
    this.launcher = Objects.requireNonNull(b.launcher, "launcher");
    this.launchSpecs = Objects.requireNonNull(b.launchSpecs, "launchSpecs");
    this.mgmt = Objects.requireNonNull(b.mgmt, "mgmtClient");
    this.events = b.events != null ? b.events : new RasPublisher(b.mgmt);
    this.systemName = b.systemName;
    this.controlAddr = Objects.requireNonNull(b.controlAddr, "controlAddr");
    this.hostname = b.hostname != null ? b.hostname : shortHostname();
    this.faultDomain = b.faultDomain != null && !b.faultDomain.isEmpty() ? b.faultDomain : "/" + this.hostname;
    this.bootstrapRankZero = b.bootstrapRankZero;
    this.drpcClients = b.drpcClients;
    this.joinTimeout = b.joinTimeout;
    this.stopTimeout = b.stopTimeout;
  }

  /** This host's name up to the first dot. */
  public static String shortHostname() {
    try {
      String h = InetAddress.getLocalHost().getHostName();
      int dot = h.indexOf('.');
      return dot > 0 ? h.substring(0, dot) : h;
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /** Makes the launch spec of the next start; {@code checkerMode} from StartRanks check_mode. */
  @FunctionalInterface
  public interface LaunchSpecFactory {
    EngineLaunchSpec create(boolean checkerMode);
  }

  /** Settings of one instance. Required: storage, launcher, launchSpecs, mgmtClient, controlAddr. */
  public static final class Builder {
    private final int index;
    private EngineStorage storage;
    private EngineLauncher launcher;
    private LaunchSpecFactory launchSpecs;
    private MgmtServiceClient mgmt;
    private RasPublisher events;
    private String systemName = "daos_server";
    private String controlAddr;
    private String faultDomain;
    private String hostname;
    private boolean bootstrapRankZero;
    private Function<Path, DrpcClient> drpcClients = p -> DrpcClient.builder(p).build();
    private Duration joinTimeout = Duration.ofDays(365);
    private Duration stopTimeout = Duration.ofSeconds(10);

    Builder(int index) {
      this.index = index;
    }

    public Builder storage(EngineStorage v) {
      this.storage = v;
      return this;
    }

    public Builder launcher(EngineLauncher v) {
      this.launcher = v;
      return this;
    }

    /** Usually {@code chk -> new EngineLaunchSpec(idx, cmdLine.argv(), cmdLine.env(), logFile)}. */
    public Builder launchSpecs(LaunchSpecFactory v) {
      this.launchSpecs = v;
      return this;
    }

    public Builder mgmtClient(MgmtServiceClient v) {
      this.mgmt = v;
      return this;
    }

    /** Shared by the instances and the CtlSvc (StopRanks suppresses engine_died through it). */
    public Builder events(RasPublisher v) {
      this.events = v;
      return this;
    }

    /** System name (config {@code name}); goes into new superblocks and JoinReq.sys. */
    public Builder systemName(String v) {
      this.systemName = v;
      return this;
    }

    /** This server's control address, host:port (JoinReq.addr). */
    public Builder controlAddr(String v) {
      this.controlAddr = v;
      return this;
    }

    /** Config {@code fault_path}; default "/<short hostname>". */
    public Builder faultDomain(String v) {
      this.faultDomain = v;
      return this;
    }

    public Builder hostname(String v) {
      this.hostname = v;
      return this;
    }

    /** True on mgmt_svc_replicas[0]: instance 0 asks for rank 0 on its first join. */
    public Builder bootstrapRankZero(boolean v) {
      this.bootstrapRankZero = v;
      return this;
    }

    public Builder drpcClients(Function<Path, DrpcClient> v) {
      this.drpcClients = Objects.requireNonNull(v);
      return this;
    }

    /** How long a join may retry (default: practically forever, as DAOS). */
    public Builder joinTimeout(Duration v) {
      this.joinTimeout = v;
      return this;
    }

    /** SIGINT to SIGKILL delay on close (default 10 s). */
    public Builder stopTimeout(Duration v) {
      this.stopTimeout = v;
      return this;
    }

    public EngineInstance build() {
      return new EngineInstance(new InstanceSettings(this));
    }
  }
}
