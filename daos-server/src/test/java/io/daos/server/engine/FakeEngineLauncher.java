package io.daos.server.engine;

import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcModule;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.drpc.server.DrpcServer;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.GroupUpdateResp;
import io.daos.proto.mgmt.SetRankReq;
import io.daos.proto.srv.NotifyReadyReq;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process stand-in for daos_engine speaking the real protocol over real sockets: listens on
 * {@code <-d>/daos_engine_<pid>.sock} (MGMT SetRank/SetUp/PrepShutdown recorded, GroupUpdate answered), then
 * sends NotifyReady (301) to {@code <-d>/daos_server.sock} with a URI built from {@code D_PROVIDER} and
 * {@code D_PORT} as the real engine does. Takes {@code -d} and {@code -I} from the launch args; SIGINT and
 * SIGKILL end it.
 */
public final class FakeEngineLauncher implements EngineLauncher {
  private static final AtomicLong PIDS = new AtomicLong(900_000);
  public final List<Engine> launched = new CopyOnWriteArrayList<>();

  @Override
  public EngineProcess launch(EngineLaunchSpec spec) throws IOException {
    Engine e = new Engine(spec);
    launched.add(e);
    e.start();
    return e;
  }

  public Engine last() {
    return launched.get(launched.size() - 1);
  }

  /** One fake engine "process". */
  public static final class Engine implements EngineProcess {
    private final long pid = PIDS.incrementAndGet();
    private final Path socketDir;
    private final int idx;
    private final String uri;
    private final CompletableFuture<String> exit = new CompletableFuture<>();
    public final List<DrpcMethod> calls = new CopyOnWriteArrayList<>();
    public volatile SetRankReq setRank;
    private DrpcServer server;

    Engine(EngineLaunchSpec spec) {
      this.socketDir = Path.of(arg(spec.args(), "-d"));
      this.idx = Integer.parseInt(arg(spec.args(), "-I"));
      this.uri = spec.env().getOrDefault("D_PROVIDER", "ofi+tcp") + "://127.0.0.1:"
          + spec.env().getOrDefault("D_PORT", Integer.toString(31416 + idx));
    }

    private static String arg(List<String> args, String flag) {
      int i = args.indexOf(flag);
      if (i < 0 || i + 1 >= args.size()) {
        throw new IllegalArgumentException("engine args lack " + flag + ": " + args);
      }
      return args.get(i + 1);
    }

    void start() throws IOException {
      DrpcRegistry reg = new DrpcRegistry().registerModule(DrpcModule.MGMT);
      reg.register(DrpcMethod.MGMT_SET_RANK, (ctx, body) -> {
        calls.add(ctx.method());
        setRank = SetRankReq.parseFrom(body);
        return ok();
      });
      reg.register(DrpcMethod.MGMT_SET_UP, (ctx, body) -> record(ctx.method()));
      reg.register(DrpcMethod.MGMT_PREP_SHUTDOWN, (ctx, body) -> record(ctx.method()));
      reg.register(DrpcMethod.MGMT_GROUP_UPDATE, (ctx, body) -> GroupUpdateResp.getDefaultInstance().toByteArray());
      server = DrpcServer.builder(socketPath(), reg).build();
      server.start();
      Thread t = new Thread(this::notifyReady, "fake-engine-" + idx + "-notify");
      t.setDaemon(true);
      t.start();
    }

    private byte[] record(DrpcMethod m) {
      calls.add(m);
      return ok();
    }

    private static byte[] ok() {
      return DaosResp.newBuilder().setStatus(0).build().toByteArray();
    }

    public Path socketPath() {
      return socketDir.resolve("daos_engine_" + pid + ".sock");
    }

    private void notifyReady() {
      NotifyReadyReq req = NotifyReadyReq.newBuilder().setUri(uri).setNctxs(3)
          .setDrpcListenerSock(socketPath().toString()).setInstanceIdx(idx).setNtgts(1).setIncarnation(pid).build();
      try (DrpcClient c = DrpcClient.connect(socketDir.resolve("daos_server.sock"))) {
        c.call(DrpcMethod.SRV_NOTIFY_READY, req.toByteArray());
      } catch (IOException e) {
        exit("exit status 1");
      }
    }

    /** The engine dies on its own with {@code status}. */
    public void exit(String status) {
      if (server != null) {
        server.close();
      }
      exit.complete(status);
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

    @Override
    public CompletableFuture<String> onExit() {
      return exit;
    }
  }
}
