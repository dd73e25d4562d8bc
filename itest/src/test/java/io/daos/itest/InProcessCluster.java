package io.daos.itest;

import io.daos.cart.transport.CartTransports;
import io.daos.cart.CartTransport;
import io.daos.common.Ports;
import io.daos.control.ControlClient;
import io.daos.control.HostResponses;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.drpc.transport.InMemoryTransport;
import io.daos.itest.inproc.InProcessEngine;
import io.daos.itest.inproc.InProcessEngineLauncher;
import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.ctl.StorageFormatReq;
import io.daos.proto.ctl.StorageFormatResp;
import io.daos.server.DaosServer;
import io.daos.server.config.ServerConfig;
import io.daos.server.engine.launch.Signal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link MiniDaosCluster} inside this JVM: per host a real {@link DaosServer} loaded from its daos_server.yml,
 * whose engines are real {@code DaosEngine}s started by an {@link InProcessEngineLauncher}. dRPC (daos_server,
 * engines, daos_agent) runs on one {@link InMemoryTransport}, CART-J on one in-memory network; the control
 * plane's gRPC and the Raft groups (MS, pool services) stay on loopback sockets. Storage is formatted through
 * the control API (CtlSvc StorageFormat on every host), as dmg would.
 */
public final class InProcessCluster extends MiniDaosCluster {
  private final DrpcTransport drpc = new InMemoryTransport();
  private final CartTransport cart = CartTransports.inMemory();
  private final List<Host> hosts = new ArrayList<>();
  private final io.daos.common.Ticker engineTicker;

  /** One host: its config, the launcher of its engines and its current daos_server (null when down). */
  private static final class Host {
    final ServerConfig config;
    final InProcessEngineLauncher launcher;
    DaosServer server;

    Host(ServerConfig config, InProcessEngineLauncher launcher) {
      this.config = config;
      this.launcher = launcher;
    }
  }

  InProcessCluster(MiniDaosCluster.Builder<?> b) throws IOException {
    super(b, Ports.sharedControlPort(ips(b), Ports.free()));
    this.engineTicker = b.engineTicker;
    for (HostConfig h : hostConfigs()) {
      hosts.add(host(h));
    }
  }

  private Host host(HostConfig h) throws IOException {
    Files.createDirectories(h.dir().resolve("log"));
    Path yml = h.dir().resolve("daos_server.yml");
    Files.writeString(yml, h.yaml(List.of()));
    return new Host(ServerConfig.load(yml), new InProcessEngineLauncher(drpc, cart, engineTicker));
  }

  /**
   * {@inheritDoc} Here dmg's code runs in this JVM (gRPC to the servers as the {@code bin/dmg} process would),
   * which saves a JVM start per call; the process itests run the real {@code bin/dmg}.
   */
  @Override
  protected CommandResult runDmg(List<String> args) {
    return DmgInProcess.run(controlConfig(), args.toArray(String[]::new)).result();
  }

  /** {@inheritDoc} Storage is formatted through CtlSvc StorageFormat on the new host only. */
  @Override
  public int addServer() throws IOException {
    HostConfig h = addHostConfig();
    hosts.add(host(h));
    startServer(h.index());
    format(List.of(hostAddrs().get(h.index())));
    waitForReady();
    // Joined in the MS is not yet the engine knowing its rank (the join reply and SetRank come after).
    Poll.until("the new server's engines know their ranks", java.time.Duration.ofSeconds(60),
        () -> ranksOf(h.index()).size() == h.fabricPorts().size(), () -> "ranks so far " + ranksOf(h.index()));
    return h.index();
  }

  /** The ranks of host {@code i}'s running engines. */
  public List<Integer> ranksOf(int i) {
    return hosts.get(i).launcher.running().stream().map(e -> e.engine().state().rank())
        .filter(java.util.OptionalInt::isPresent).map(java.util.OptionalInt::getAsInt).sorted().toList();
  }

  @Override
  void start() throws IOException {
    long t0 = System.nanoTime();
    for (int i = 0; i < hosts.size(); i++) {
      startServer(i);
    }
    System.out.printf("MiniDaosCluster (in-process): %d daos_server started after %d ms%n", hosts.size(),
        (System.nanoTime() - t0) / 1_000_000);
    format(hostAddrs());
    System.out.printf("MiniDaosCluster (in-process): storage format done after %d ms%n",
        (System.nanoTime() - t0) / 1_000_000);
  }

  private void startServer(int i) throws IOException {
    Host h = hosts.get(i);
    DaosServer s = DaosServer.builder().config(h.config).launcher(h.launcher).drpcTransport(drpc).build();
    h.server = s;
    try {
      s.start();
    } catch (RuntimeException e) {
      Optional<InetSocketAddress> taken = takenPort(e);
      if (taken.isEmpty()) {
        throw e;
      }
      // A socket of the server stopped just before can hold the port for a moment after its close returned (seen
      // in CI: the port was listed free a moment later). Wait until it can be bound, then start once more.
      s.close();
      awaitBindable(taken.get());
      s = DaosServer.builder().config(h.config).launcher(h.launcher).drpcTransport(drpc).build();
      h.server = s;
      try {
        s.start();
      } catch (RuntimeException again) {
        throw withListeners(again);
      }
    }
  }

  /** The host and port a failure to start says are already in use. */
  private static Optional<InetSocketAddress> takenPort(RuntimeException e) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(" ([0-9.]+):(\\d+) is already in use")
        .matcher(String.valueOf(e.getMessage()));
    return m.find() ? Optional.of(new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }

  /** Waits (at most 30 s) until {@code addr} can be bound with SO_REUSEADDR, as daos_server's preflight binds it. */
  private static void awaitBindable(InetSocketAddress addr) {
    Poll.until(addr + " free to bind", java.time.Duration.ofSeconds(30), () -> {
      try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
        probe.setReuseAddress(true);
        probe.bind(addr);
        return true;
      } catch (IOException busy) {
        return false;
      }
    }, () -> Commands.run(List.of("ss", "-ltnpa", "sport = :" + addr.getPort()), java.time.Duration.ofSeconds(10))
        .stdout());
  }

  /** A port found taken: the failure with what listens on that port ({@code ss -ltnp}), to tell who holds it. */
  private static RuntimeException withListeners(RuntimeException e) {
    Optional<InetSocketAddress> taken = takenPort(e);
    if (taken.isEmpty()) {
      return e;
    }
    int port = taken.get().getPort();
    CommandResult ss = Commands.run(List.of("ss", "-ltnpa", "sport = :" + port), java.time.Duration.ofSeconds(10));
    return new IllegalStateException(e.getMessage() + "\nsockets on port " + port + " (ss -ltnpa):\n"
        + ss.stdout() + ss.stderr() + "this thread interrupted: " + Thread.currentThread().isInterrupted(), e);
  }

  /** CtlSvc StorageFormat on {@code addrs} (dmg storage format). */
  private void format(List<String> addrs) {
    try (ControlClient c = newControlClient()) {
      HostResponses<StorageFormatResp> fmt = c.invokeHosts(CtlSvcGrpc.getStorageFormatMethod(),
          StorageFormatReq.getDefaultInstance(), addrs);
      if (fmt.hasErrors()) {
        throw new AssertionError("storage format failed: " + fmt.errors());
      }
    }
  }

  @Override
  public DrpcTransport drpcTransport() {
    return drpc;
  }

  @Override
  public CartTransport cartTransport() {
    return cart;
  }

  /** The running engines of every host. */
  public List<InProcessEngine> engines() {
    return hosts.stream().flatMap(h -> h.launcher.running().stream()).toList();
  }

  /** The running engine serving {@code rank}. */
  public Optional<InProcessEngine> engine(int rank) {
    return engines().stream().filter(e -> {
      var r = e.engine().state().rank();
      return r.isPresent() && r.getAsInt() == rank;
    }).findFirst();
  }

  @Override
  public void killEngine(int rank) {
    InProcessEngine e = engine(rank).orElseThrow(() -> new AssertionError("no running engine has rank " + rank));
    e.signal(Signal.SIGKILL);
    e.onExit().join();
  }

  /** Restarts every host that lost an engine, then waits until every engine is joined again. */
  public void heal() throws IOException {
    for (int i = 0; i < hosts.size(); i++) {
      Host h = hosts.get(i);
      if (h.server == null || h.launcher.running().size() < enginesPerHost()) {
        restartServer(i);
      }
    }
    waitForReady();
  }

  /** Disarms every fault on every running engine. */
  public void clearFaults() {
    engines().forEach(e -> e.engine().faults().clear());
  }

  @Override
  public void killServer(int i) {
    Host h = hosts.get(i);
    h.launcher.running().forEach(e -> e.signal(Signal.SIGKILL));
    stopServer(h);
  }

  @Override
  public void restartServer(int i) throws IOException {
    stopServer(hosts.get(i));
    startServer(i);
  }

  private static void stopServer(Host h) {
    if (h.server != null) {
      h.server.close();
      h.server = null;
    }
    h.launcher.running().forEach(e -> {
      e.signal(Signal.SIGKILL);
      e.onExit().join();
    });
  }

  @Override
  public String logs() {
    StringBuilder b = new StringBuilder("(in-process cluster: logs went to this JVM's log)\n");
    for (int i = 0; i < hosts.size(); i++) {
      Host h = hosts.get(i);
      b.append("host ").append(hostAddrs().get(i)).append(h.server == null ? " down" : " up").append(", engines:");
      h.launcher.launched().forEach(e -> b.append(' ').append(e.index()).append('/').append(e.pid())
          .append(e.isAlive() ? "" : " (" + e.onExit().getNow("?") + ")")
          .append(' ').append(e.engine().state().describeRank()));
      b.append('\n');
    }
    return b.toString();
  }

  @Override
  void stopHosts() {
    hosts.forEach(InProcessCluster::stopServer);
  }
}
