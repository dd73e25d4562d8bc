package io.daos.agent.mgmt;

import io.daos.agent.config.TelemetryConfig;
import io.daos.common.LogLimiter;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.common.status.DaosStatus;
import io.daos.control.errors.ClientFaults;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcModule;
import io.daos.drpc.server.DrpcCallContext;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.proto.mgmt.ClientTelemetryReq;
import io.daos.proto.mgmt.ClientTelemetryResp;
import io.daos.proto.mgmt.FabricInterface;
import io.daos.proto.mgmt.FabricInterfaces;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import io.daos.proto.mgmt.PoolMonitorReq;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's MGMT module (DAOS cmd/daos_agent/mgmt_rpc.go): GET_ATTACH_INFO (206), NOTIFY_EXIT (233),
 * NOTIFY_POOL_CONNECT/DISCONNECT (235/236), SETUP_CLIENT_TELEM (247) and the jdaos-only CLIENT_TELEMETRY_PUSH (292). A request for another system gets
 * DER_INVAL; MS errors map to DER_CONTROL_INCOMPAT (wrong system), DER_BAD_CERT (invalid certificate) and
 * DER_UNREACH (MS unreachable); other failures fail the dRPC call. While the agent shuts down every call fails.
 */
public final class MgmtModule {
  private static final Logger LOG = LoggerFactory.getLogger(MgmtModule.class);
  /** Any user can make the agent repeat the per-call lines below; each kind is rate-limited. */
  private static final LogLimiter LOG_LIMIT = LogLimiter.perMinute();

  private final String systemName;
  private final AttachInfoCache cache;
  private final FabricSelector fabric;
  private final ProcessMonitor monitor;
  private final BooleanSupplier shuttingDown;
  private final int agentUid;
  private final TelemetryConfig telemetry;
  private final ClientTelemetryStore clientMetrics;

  public MgmtModule(String systemName, AttachInfoCache cache, FabricSelector fabric, ProcessMonitor monitor,
      BooleanSupplier shuttingDown) {
    this(systemName, cache, fabric, monitor, shuttingDown, TelemetryConfig.DISABLED, null);
  }

  /**
   * With client telemetry: when {@code telemetry} has {@code telemetry_enabled}, clients are told to collect and
   * register their metrics, which go into {@code clientMetrics}.
   */
  public MgmtModule(String systemName, AttachInfoCache cache, FabricSelector fabric, ProcessMonitor monitor,
      BooleanSupplier shuttingDown, TelemetryConfig telemetry, ClientTelemetryStore clientMetrics) {
    this.systemName = systemName;
    this.cache = cache;
    this.fabric = fabric;
    this.monitor = monitor;
    this.shuttingDown = shuttingDown;
    this.agentUid = (int) new com.sun.security.auth.module.UnixSystem().getUid();
    this.telemetry = telemetry;
    this.clientMetrics = telemetry.enabled() ? clientMetrics : null;
  }

  /** Registers module MGMT and the six agent methods in {@code registry}. */
  public void register(DrpcRegistry registry) {
    registry.registerModule(DrpcModule.MGMT);
    registry.register(DrpcMethod.MGMT_GET_ATTACH_INFO, guarded(this::getAttachInfo));
    registry.register(DrpcMethod.MGMT_SETUP_CLIENT_TELEM, guarded(this::setupClientTelemetry));
    registry.register(DrpcMethod.MGMT_CLIENT_TELEMETRY_PUSH, guarded(this::pushClientTelemetry));
    registry.register(DrpcMethod.MGMT_NOTIFY_POOL_CONNECT, guarded((ctx, b) -> {
      if (!monitor.addPoolHandle(ctx.peer().pid(), PoolMonitorReq.parseFrom(b))) {
        throw new io.daos.drpc.server.DrpcFailure(io.daos.proto.drpc.Status.FAILURE, "pid " + ctx.peer().pid()
            + " already holds " + ProcessMonitor.MAX_HANDLES_PER_PROCESS + " pool handles, the most the agent tracks "
            + "per process");
      }
      return new byte[0];
    }));
    registry.register(DrpcMethod.MGMT_NOTIFY_POOL_DISCONNECT, guarded((ctx, b) -> {
      monitor.removePoolHandle(ctx.peer().pid(), PoolMonitorReq.parseFrom(b));
      return new byte[0];
    }));
    registry.register(DrpcMethod.MGMT_NOTIFY_EXIT, guarded((ctx, b) -> {
      monitor.notifyExit(ctx.peer().pid());
      return new byte[0];
    }));
  }

  /** Re-fetches cached attach info (SIGUSR2). */
  public void refreshCache() {
    cache.refresh();
  }

  private io.daos.drpc.server.DrpcHandler guarded(io.daos.drpc.server.DrpcHandler h) {
    return (ctx, body) -> {
      if (shuttingDown.getAsBoolean()) {
        LOG.error("agent is shutting down, dropping {}", ctx.method());
        throw new io.daos.drpc.server.DrpcFailure(io.daos.proto.drpc.Status.FAILURE, "agent is shutting down");
      }
      return h.handle(ctx, body);
    };
  }

  byte[] getAttachInfo(DrpcCallContext ctx, byte[] body) throws Exception {
    GetAttachInfoReq req = GetAttachInfoReq.parseFrom(body);
    long pid = ctx.peer().pid();
    if (!req.getSys().isEmpty() && !req.getSys().equals(systemName)) {
      LOG_LIMIT.error(LOG, "unknown system", "pid {}: {}: unknown system name", pid, req.getSys());
      return status(DaosStatus.INVAL);
    }
    GetAttachInfoResp raw;
    try {
      raw = cache.get(req.getSys());
    } catch (RuntimeException e) {
      LOG.error("failed to fetch AttachInfo: {}", e.getMessage());
      return errorStatus(e);
    }
    GetAttachInfoResp resp = withTelemetrySettings(withNetHint(raw, req), pid);
    LOG_LIMIT.info(LOG, "attach info", "pid {}: iface:{} dom:{} prov:{} srx:{}", pid,
        resp.getClientNetHint().getInterface(), resp.getClientNetHint().getDomain(),
        resp.getClientNetHint().getProvider(), resp.getClientNetHint().getSrvSrxSet());
    return resp.toByteArray();
  }

  private GetAttachInfoResp withNetHint(GetAttachInfoResp raw, GetAttachInfoReq req) {
    String iface = req.getInterface();
    String domain = req.getDomain().isEmpty() ? iface : req.getDomain();
    if (iface.isEmpty()) {
      FabricSelector.Choice c = fabric.select(raw.getRankUrisCount() == 0 ? "" : raw.getRankUris(0).getUri());
      iface = c.iface();
      domain = c.domain();
    }
    String provider = raw.getClientNetHint().getProvider();
    GetAttachInfoResp.Builder b = raw.toBuilder();
    b.getClientNetHintBuilder().setInterface(iface).setDomain(domain);
    b.clearNumaFabricInterfaces().addNumaFabricInterfaces(FabricInterfaces.newBuilder().setNumaNode(0)
        .addIfaces(FabricInterface.newBuilder().setNumaNode(0).setInterface(iface).setDomain(domain)
            .setProvider(provider)));
    return b.build();
  }

  /**
   * DAOS's {@code addTelemetrySettings}: with {@code telemetry_enabled}, every client is told to collect metrics
   * ({@code D_CLIENT_METRICS_ENABLE=1}) and, unless its process name is excluded by {@code telemetry_disabled_procs}
   * or not matched by {@code telemetry_enabled_procs}, to register them here ({@code D_CLIENT_METRICS_REGISTER=1}).
   */
  private GetAttachInfoResp withTelemetrySettings(GetAttachInfoResp resp, long pid) {
    if (clientMetrics == null) {
      return resp;
    }
    GetAttachInfoResp.Builder b = resp.toBuilder();
    b.getClientNetHintBuilder().addEnvVars("D_CLIENT_METRICS_ENABLE=1");
    String name = ProcessHandle.of(pid).flatMap(h -> h.info().command())
        .map(c -> java.nio.file.Path.of(c).getFileName().toString()).orElse("");
    if (telemetry.disabledProcs() != null && telemetry.disabledProcs().matcher(name).find()
        || telemetry.enabledProcs() != null && !telemetry.enabledProcs().matcher(name).find()) {
      return b.build();
    }
    b.getClientNetHintBuilder().addEnvVars("D_CLIENT_METRICS_REGISTER=1");
    return b.build();
  }

  private static byte[] errorStatus(RuntimeException e) {
    if (Fault.hasCode(e, FaultCode.SERVER_WRONG_SYSTEM)) {
      return status(DaosStatus.CONTROL_INCOMPAT);
    }
    if (Fault.hasCode(e, FaultCode.SECURITY_INVALID_CERT)) {
      return status(DaosStatus.BAD_CERT);
    }
    if (ClientFaults.isConnectionFault(e) || Fault.hasCode(e, FaultCode.CLIENT_RPC_TIMEOUT)) {
      return status(DaosStatus.UNREACH);
    }
    throw e;
  }

  private static byte[] status(DaosStatus s) {
    return GetAttachInfoResp.newBuilder().setStatus(s.code()).build().toByteArray();
  }

  /** A bad request is the caller's error: FAILURE, as DAOS, logged without a stack trace. */
  private static io.daos.drpc.server.DrpcFailure badTelemetryRequest(String why) {
    return new io.daos.drpc.server.DrpcFailure(io.daos.proto.drpc.Status.FAILURE, "client telemetry: " + why);
  }

  /**
   * Registers the calling process's metrics under its job id. Without {@code telemetry_enabled} the agent holds no
   * client metrics: DER_UNINIT, as DAOS answers when its client telemetry root is not set up.
   */
  byte[] setupClientTelemetry(DrpcCallContext ctx, byte[] body) throws Exception {
    if (body.length == 0) {
      throw badTelemetryRequest("empty request");
    }
    ClientTelemetryReq req = ClientTelemetryReq.parseFrom(body);
    if (req.getJobid().isEmpty()) {
      throw badTelemetryRequest("empty jobid");
    }
    if (req.getShmKey() == 0) {
      throw badTelemetryRequest("unset shm key");
    }
    if (ctx.peer() == null) {
      throw badTelemetryRequest("nil user credentials");
    }
    if (clientMetrics == null) {
      return ClientTelemetryResp.newBuilder().setAgentUid(agentUid).setStatus(DaosStatus.UNINIT.code()).build()
          .toByteArray();
    }
    clientMetrics.register(ctx.peer().pid(), req.getJobid());
    LOG.debug("client telemetry: pid {} registered as job {}", ctx.peer().pid(), req.getJobid());
    return ClientTelemetryResp.newBuilder().setAgentUid(agentUid).build().toByteArray();
  }

  /** jdaos-only: the calling process's metrics now (it registered them first). */
  byte[] pushClientTelemetry(DrpcCallContext ctx, byte[] body) throws Exception {
    if (clientMetrics == null) {
      throw badTelemetryRequest("not enabled on this agent (set telemetry_enabled: true and telemetry_port in "
          + "daos_agent.yml)");
    }
    if (ctx.peer() == null) {
      throw badTelemetryRequest("nil user credentials");
    }
    if (!clientMetrics.push(ctx.peer().pid(), io.daos.proto.telemetry.MetricsResp.parseFrom(body))) {
      throw badTelemetryRequest("pid " + ctx.peer().pid() + " did not register (SetupClientTelemetry) first");
    }
    return new byte[0];
  }
}
