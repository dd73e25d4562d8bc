package io.daos.server;

import io.daos.drpc.DrpcClient;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcModule;
import io.daos.drpc.DrpcRegistry;
import io.daos.drpc.DrpcServer;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.GroupUpdateResp;
import io.daos.proto.srv.NotifyReadyReq;
import io.daos.server.engine.EngineLaunchSpec;
import io.daos.server.engine.EngineLauncher;
import io.daos.server.engine.EngineProcess;
import io.daos.server.engine.Signal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in daos_engine for server tests: opens its dRPC socket, answers SetRank, SetUp, GroupUpdate and
 * PrepShutdown, and sends NotifyReady to daos_server.sock, as the real engine does; SIGINT/SIGKILL end it.
 */
final class InProcessEngineLauncher implements EngineLauncher {
  private static final AtomicLong NEXT_PID = new AtomicLong(900_000);

  @Override
  public EngineProcess launch(EngineLaunchSpec spec) throws IOException {
    Path socketDir = Path.of(arg(spec.args(), "-d"));
    int idx = Integer.parseInt(arg(spec.args(), "-I"));
    long pid = NEXT_PID.incrementAndGet();
    Path sock = socketDir.resolve("daos_engine_" + pid + ".sock");
    byte[] ok = DaosResp.newBuilder().setStatus(0).build().toByteArray();
    DrpcRegistry reg = new DrpcRegistry().registerModule(DrpcModule.MGMT)
        .register(DrpcMethod.MGMT_SET_RANK, (c, b) -> ok)
        .register(DrpcMethod.MGMT_SET_UP, (c, b) -> ok)
        .register(DrpcMethod.MGMT_PREP_SHUTDOWN, (c, b) -> ok)
        .register(DrpcMethod.MGMT_GROUP_UPDATE, (c, b) -> GroupUpdateResp.getDefaultInstance().toByteArray());
    DrpcServer server = DrpcServer.builder(sock, reg).build();
    server.start();
    Proc proc = new Proc(pid, server);
    String provider = spec.env().getOrDefault("D_PROVIDER", "ofi+tcp");
    String port = spec.env().getOrDefault("D_PORT", "31416");
    NotifyReadyReq ready = NotifyReadyReq.newBuilder().setUri(provider + "://127.0.0.1:" + port).setNctxs(2)
        .setDrpcListenerSock(sock.toString()).setInstanceIdx(idx).setNtgts(2).setIncarnation(pid).build();
    Thread t = new Thread(() -> notifyReady(socketDir, ready, proc), "fake-engine-" + idx);
    t.setDaemon(true);
    t.start();
    return proc;
  }

  private static void notifyReady(Path socketDir, NotifyReadyReq req, Proc proc) {
    try (DrpcClient c = DrpcClient.connect(socketDir.resolve("daos_server.sock"))) {
      c.call(DrpcMethod.SRV_NOTIFY_READY, req.toByteArray());
    } catch (IOException e) {
      proc.exit("exit status 1");
    }
  }

  private static String arg(List<String> args, String flag) {
    int i = args.indexOf(flag);
    if (i < 0 || i + 1 >= args.size()) {
      throw new IllegalArgumentException("engine args lack " + flag + ": " + args);
    }
    return args.get(i + 1);
  }

  /** The fake engine's process handle. */
  private static final class Proc implements EngineProcess {
    private final long pid;
    private final DrpcServer server;
    private final CompletableFuture<String> exit = new CompletableFuture<>();

    Proc(long pid, DrpcServer server) {
      this.pid = pid;
      this.server = server;
    }

    @Override
    public long pid() {
      return pid;
    }

    @Override
    public boolean isAlive() {
      return !exit.isDone();
    }

    @Override
    public void signal(Signal signal) {
      exit(signal == Signal.SIGKILL ? "signal: killed" : "exit status 0");
    }

    void exit(String status) {
      server.close();
      exit.complete(status);
    }

    @Override
    public CompletableFuture<String> onExit() {
      return exit;
    }
  }
}
