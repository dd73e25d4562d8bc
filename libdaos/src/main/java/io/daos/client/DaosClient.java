package io.daos.client;

import io.daos.cart.CartClient;
import io.daos.cart.CartLimits;
import io.daos.cart.CartTransport;
import io.daos.cart.transport.CartTransports;
import io.daos.drpc.client.DrpcClient;
import io.daos.client.pool.RetryPolicy;
import io.daos.client.rpc.EngineRpc;
import io.daos.client.telemetry.ClientMetrics;
import io.daos.client.rpc.Futures;
import io.daos.client.rpc.RankUris;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.proto.auth.Credential;
import io.daos.proto.mgmt.GetAttachInfoResp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The entry point of libdaos ({@code daos_init}): bootstraps through the local daos_agent (rank URIs and the
 * credential), holds one CART-J client for all engines, and connects pools. Thread-safe; close it when done.
 */
public final class DaosClient implements AutoCloseable {
  /** {@code DAOS_AGENT_DRPC_DIR}: where the agent's socket is. */
  public static final String AGENT_DIR_ENV = "DAOS_AGENT_DRPC_DIR";
  public static final String DEFAULT_AGENT_DIR = "/var/run/daos_agent";
  public static final String AGENT_SOCKET = "daos_agent.sock";
  public static final String DEFAULT_SYSTEM = "daos_server";

  private final ClientContext ctx;
  private final ClientTelemetry telemetry;

  private DaosClient(ClientContext ctx, ClientTelemetry telemetry) {
    this.ctx = ctx;
    this.telemetry = telemetry;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The DAOS system name this client attached to. */
  public String systemName() {
    return ctx.sys();
  }

  /** {@code daos_pool_connect}: by label or UUID, flags {@code DAOS_PC_RO/RW/EX} (1/2/4). */
  public DaosPool connectPool(String labelOrUuid, int flags) {
    return Futures.join(connectPoolAsync(labelOrUuid, flags));
  }

  public CompletableFuture<DaosPool> connectPoolAsync(String labelOrUuid, int flags) {
    return Futures.of(() -> PoolConnect.connect(ctx, labelOrUuid, flags));
  }

  /**
   * Closes the CART-J client; handles still open become unusable (their RPCs fail with DER_SHUTDOWN). Registered
   * client metrics are handed to the agent one last time.
   */
  @Override
  public void close() {
    if (telemetry != null) {
      telemetry.close();
    }
    ctx.rpc().close();
  }

  /** Client settings; all optional. */
  public static final class Builder {
    private String sys = DEFAULT_SYSTEM;
    private Path agentDir;
    private DrpcTransport agentTransport = DrpcTransport.seqpacket();
    private CartTransport transport;
    private Duration rpcTimeout = Duration.ofSeconds(60);
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private long seed = System.nanoTime();
    private int oidBatch = 1024;
    private CartLimits limits = CartLimits.DEFAULT;
    private java.util.Map<String, String> env = System.getenv();
    private Duration metricsInterval = Duration.ofSeconds(1);

    private Builder() {
    }

    /**
     * The environment read for {@code DAOS_AGENT_DRPC_DIR}, DAOS's client metrics switches
     * ({@code D_CLIENT_METRICS_ENABLE}, {@code D_CLIENT_METRICS_REGISTER}) and {@code DAOS_JOBID} (default: the
     * process's).
     */
    public Builder environment(java.util.Map<String, String> e) {
      this.env = java.util.Map.copyOf(e);
      return this;
    }

    /** How often registered client metrics are handed to the agent (default 1 s; also once at close). */
    public Builder metricsInterval(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("metrics interval must be positive, got " + d);
      }
      this.metricsInterval = d;
      return this;
    }

    /** DAOS system name (default {@value #DEFAULT_SYSTEM}). */
    public Builder systemName(String s) {
      this.sys = s;
      return this;
    }

    /** Agent socket directory (default $DAOS_AGENT_DRPC_DIR, else {@value #DEFAULT_AGENT_DIR}). */
    public Builder agentSocketDir(Path dir) {
      this.agentDir = dir;
      return this;
    }

    /** How the agent's socket is reached (default AF_UNIX SOCK_SEQPACKET, as daos_agent listens). */
    public Builder agentTransport(DrpcTransport t) {
      this.agentTransport = t;
      return this;
    }

    /** CART-J transport (default TCP). */
    public Builder transport(CartTransport t) {
      this.transport = t;
      return this;
    }

    /**
     * Largest request and reply body/bulk of one RPC (default {@link CartLimits#DEFAULT}: 4 MiB, which bounds the keys
     * of one request, and 64 MiB of values). A request over them fails with DER_KEY2BIG / DER_REC2BIG before it is
     * sent; engines enforce their own, answering such a request alone with the same errors.
     */
    public Builder cartLimits(CartLimits l) {
      this.limits = l;
      return this;
    }

    /** How long one RPC may wait for its reply (default 60 s). */
    public Builder rpcTimeout(Duration d) {
      this.rpcTimeout = d;
      return this;
    }

    public Builder retryPolicy(RetryPolicy p) {
      this.retry = p;
      return this;
    }

    /** Seed of the replica choice for reads (default: the clock); a fixed one makes the choices repeatable. */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** OIDs reserved per CONT_OID_ALLOC (default 1024). */
    public Builder oidBatch(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("oid batch must be >= 1, got " + n);
      }
      this.oidBatch = n;
      return this;
    }

    /** Bootstraps (agent dRPC) and returns the client; throws {@code DaosException} when that fails. */
    public DaosClient build() {
      RankUris uris = new RankUris();
      Path socket = agentDir().resolve(AGENT_SOCKET);
      DrpcTransport agentVia = agentTransport;
      GetAttachInfoResp info;
      try (DrpcClient a = DrpcClient.builder(socket).transport(agentVia).build()) {
        info = Agent.attachInfo(a, sys);
        info.getRankUrisList().forEach(r -> uris.put(r.getRank(), r.getUri()));
      }
      Supplier<Credential> creds = () -> {
        try (DrpcClient a = DrpcClient.builder(socket).transport(agentVia).build()) {
          return Agent.credential(a);
        }
      };
      CartClient.Builder cb = CartClient.builder().name("libdaos").transport(CartTransports.tcp()).limits(limits);
      if (transport != null) {
        cb.transport(transport);
      }
      ClientMetrics.Settings ms = ClientMetrics.Settings.of(env, info.getClientNetHint().getEnvVarsList());
      ClientMetrics metrics = ms.enabled() ? new ClientMetrics(System.currentTimeMillis(),
          info.getClientNetHint().getProvider()) : null;
      if (metrics != null) {
        cb.counters(metrics.rpc());
      }
      EngineRpc rpc = new EngineRpc(cb.build(), uris, rpcTimeout, metrics);
      ClientTelemetry telemetry = metrics == null || !ms.register() ? null : ClientTelemetry.start(metrics,
          () -> DrpcClient.builder(socket).transport(agentVia).build(), jobid(), metricsInterval);
      return new DaosClient(new ClientContext(sys, rpc, creds, retry, new Random(seed), oidBatch), telemetry);
    }

    /** DAOS's job id: {@code $DAOS_JOBID}, else {@code <hostname>-<pid>}. */
    private String jobid() {
      String j = env.get(ClientMetrics.JOBID_ENV);
      if (j != null && !j.isEmpty()) {
        return j;
      }
      String host;
      try {
        host = java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.net.UnknownHostException e) {
        host = "localhost";
      }
      return host + "-" + ProcessHandle.current().pid();
    }

    private Path agentDir() {
      if (agentDir != null) {
        return agentDir;
      }
      String dir = env.get(AGENT_DIR_ENV);
      return Path.of(dir == null || dir.isEmpty() ? DEFAULT_AGENT_DIR : dir);
    }
  }
}
