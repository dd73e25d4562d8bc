package io.daos.server.mgmt;

import io.daos.proto.mgmt.ClientNetHint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the MgmtSvc handlers share on one server: the serving rules ({@link MsAccess}), the fan-out invoker,
 * the client network hints, the system fabric provider, the control port and the group updater.
 */
public final class MsContext {
  private final MsAccess access;
  private final ControlInvoker invoker;
  private final List<ClientNetHint> netHints;
  private final String provider;
  private final int controlPort;
  private final Duration fanoutDeadline;
  private final GroupUpdater groupUpdater;
  private final List<String> resolvedReplicas;
  private final PoolEngines poolEngines;
  private final LocalEraser eraser;
  private final io.daos.server.system.SystemProperties systemProperties;

  private MsContext(Builder b) {
    this.access = Objects.requireNonNull(b.access, "access");
    this.invoker = Objects.requireNonNull(b.invoker, "invoker");
    this.netHints = List.copyOf(b.netHints);
    this.provider = b.provider == null ? "" : b.provider;
    this.controlPort = b.controlPort;
    this.fanoutDeadline = b.fanoutDeadline;
    this.groupUpdater = b.groupUpdater;
    this.resolvedReplicas = resolve(access.replicas());
    this.poolEngines = b.poolEngines;
    this.eraser = b.eraser;
    this.systemProperties = new io.daos.server.system.SystemProperties(access.systemName(),
        io.daos.common.build.BuildInfo.DAOS_VERSION.toString());
  }

  public static Builder builder() {
    return new Builder();
  }

  MsAccess access() {
    return access;
  }

  List<ClientNetHint> netHints() {
    return netHints;
  }

  String provider() {
    return provider;
  }

  Optional<GroupUpdater> groupUpdate() {
    return Optional.ofNullable(groupUpdater);
  }

  /** The system properties' keys, defaults and rules. */
  io.daos.server.system.SystemProperties systemProperties() {
    return systemProperties;
  }

  Optional<LocalEraser> eraser() {
    return Optional.ofNullable(eraser);
  }

  ControlInvoker invoker() {
    return invoker;
  }

  Duration fanoutDeadline() {
    return fanoutDeadline;
  }

  Optional<PoolEngines> poolEngines() {
    return Optional.ofNullable(poolEngines);
  }

  /** MS replica addresses as "ip:port" (how members' control addresses are stored). */
  List<String> resolvedReplicas() {
    return resolvedReplicas;
  }

  Fanout fanout(MsAccess.Ms ms) {
    return new Fanout(ms.membership(), invoker, controlPort, callBudget(fanoutDeadline, callerLeft()));
  }

  /**
   * DAOS's fan-out runs on the caller's context (its deadline); here it gets at most 90% of the time the
   * caller left, so that an unreachable host's error comes back as a per-rank result before the caller gives
   * up, and never more than {@code max}.
   */
  static Duration callBudget(Duration max, Optional<Duration> callerLeft) {
    return callerLeft.map(left -> left.multipliedBy(9).dividedBy(10)).filter(b -> b.compareTo(max) < 0)
        .map(b -> b.isNegative() ? Duration.ZERO : b).orElse(max);
  }

  /** What is left of the current gRPC call's deadline, if it has one. */
  private static Optional<Duration> callerLeft() {
    io.grpc.Deadline d = io.grpc.Context.current().getDeadline();
    return d == null ? Optional.empty()
        : Optional.of(Duration.ofNanos(d.timeRemaining(java.util.concurrent.TimeUnit.NANOSECONDS)));
  }

  /** "host:port" entries with their host resolved to an IP address where possible. */
  public static List<String> resolve(List<String> hostPorts) {
    List<String> out = new ArrayList<>();
    for (String hp : hostPorts) {
      int colon = hp.lastIndexOf(':');
      try {
        out.add(InetAddress.getByName(hp.substring(0, colon)).getHostAddress() + hp.substring(colon));
      } catch (UnknownHostException | RuntimeException e) {
        out.add(hp);
      }
    }
    return out;
  }

  /** Builder; access and invoker are required. */
  public static final class Builder {
    private MsAccess access;
    private ControlInvoker invoker;
    private List<ClientNetHint> netHints = List.of();
    private String provider;
    private int controlPort = io.daos.common.build.BuildInfo.DEFAULT_CONTROL_PORT;
    private Duration fanoutDeadline = Duration.ofMinutes(2);
    private GroupUpdater groupUpdater;
    private PoolEngines poolEngines;
    private LocalEraser eraser;

    /** What SystemErase does to this server (none: the database is left alone). */
    public Builder eraser(LocalEraser v) {
      eraser = v;
      return this;
    }

    public Builder access(MsAccess v) {
      access = v;
      return this;
    }

    public Builder invoker(ControlInvoker v) {
      invoker = v;
      return this;
    }

    /** Client network hints, primary provider first (GetAttachInfo, SystemQuery providers). */
    public Builder netHints(List<ClientNetHint> v) {
      netHints = v;
      return this;
    }

    /** The system fabric provider joins must match ("" skips the check). */
    public Builder provider(String v) {
      provider = v;
      return this;
    }

    /** Port added to host-list entries without one. */
    public Builder controlPort(int v) {
      controlPort = v;
      return this;
    }

    /** Overall time a rank fan-out (stop, start) may take. */
    public Builder fanoutDeadline(Duration v) {
      fanoutDeadline = v;
      return this;
    }

    public Builder groupUpdater(GroupUpdater v) {
      groupUpdater = v;
      return this;
    }

    /** The engines pool create/destroy dRPCs go to (none: those requests fail). */
    public Builder poolEngines(PoolEngines v) {
      poolEngines = v;
      return this;
    }

    public MsContext build() {
      return new MsContext(this);
    }
  }
}
