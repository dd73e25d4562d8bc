package io.daos.itest;

import io.daos.cart.transport.CartTransports;
import com.google.gson.JsonObject;
import io.daos.cart.CartTransport;
import io.daos.common.Ports;
import io.daos.drpc.transport.DrpcTransport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MiniDaosCluster} of real processes: one {@code bin/daos_server} per host ({@link ClusterHost}), its
 * engines its child processes; storage is formatted with {@code dmg storage format}. For what only processes
 * show: kill -9, SIGSTOP, the launchers.
 */
public final class ProcessCluster extends MiniDaosCluster {
  private final List<ClusterHost> hosts = new ArrayList<>();

  ProcessCluster(MiniDaosCluster.Builder<?> b) throws IOException {
    super(b, Ports.sharedControlPort(ips(b), DAOS_PORT));
    for (HostConfig h : hostConfigs()) {
      hosts.add(new ClusterHost(h));
    }
  }

  @Override
  void start() throws IOException {
    Launchers.requirePackaged("daos-server", "daos-engine", "dmg");
    long t0 = System.nanoTime();
    for (ClusterHost h : hosts) {
      h.spawn();
    }
    for (ClusterHost h : hosts) {
      h.awaitListening(START_TIMEOUT);
    }
    dmg("system", "leader-query"); // warm-up: dmg's first run records its CDS archive, slow on a busy machine
    System.out.printf("MiniDaosCluster: %d daos_server listening after %d ms%n", hosts.size(),
        (System.nanoTime() - t0) / 1_000_000);
    CommandResult format = dmg("storage", "format");
    System.out.printf("MiniDaosCluster: storage format done after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    if (format.exitCode() != 0) {
      throw new AssertionError("storage format failed: " + format + "\n" + logs());
    }
  }

  /** {@inheritDoc} The new host's daos_server is spawned, then {@code dmg -l <host> storage format}. */
  @Override
  public int addServer() throws IOException {
    HostConfig cfg = addHostConfig();
    ClusterHost h = new ClusterHost(cfg);
    hosts.add(h);
    h.spawn();
    h.awaitListening(START_TIMEOUT);
    CommandResult format = dmg("-l", h.addr(), "storage", "format");
    if (format.exitCode() != 0) {
      throw new AssertionError("storage format of the new host " + h.addr() + " failed: " + format + "\n" + logs());
    }
    waitForReady();
    return cfg.index();
  }

  @Override
  public DrpcTransport drpcTransport() {
    return DrpcTransport.seqpacket();
  }

  @Override
  public CartTransport cartTransport() {
    return CartTransports.tcp();
  }

  ClusterHost host(int i) {
    return hosts.get(i);
  }

  /** kill -9 of the engine serving {@code rank}. */
  @Override
  public void killEngine(int rank) {
    JsonObject m = members().get(rank);
    if (m == null) {
      throw new AssertionError("rank " + rank + " is not a member");
    }
    ClusterHost h = hosts.get(hostIndex(m.get("addr").getAsString()));
    String uri = m.get("fabric_uri").getAsString();
    int port = Integer.parseInt(uri.substring(uri.lastIndexOf(':') + 1));
    int idx = h.fabricPorts().indexOf(port);
    ProcessHandle engine = h.engine(idx).orElseThrow(() -> new AssertionError("no engine " + idx + " on " + h.addr()));
    engine.destroyForcibly();
    engine.onExit().join();
  }

  /** kill -9 of host {@code i}'s daos_server (its engines exit on their own). */
  @Override
  public void killServer(int i) throws InterruptedException {
    hosts.get(i).kill();
  }

  @Override
  public void restartServer(int i) throws IOException, InterruptedException {
    ClusterHost h = hosts.get(i);
    if (h.isAlive()) {
      h.stop();
    }
    h.launch(START_TIMEOUT);
  }

  @Override
  public String logs() {
    StringBuilder b = new StringBuilder();
    hosts.forEach(h -> b.append(h.log()));
    return b.toString();
  }

  @Override
  void stopHosts() {
    for (ClusterHost h : hosts) {
      try {
        h.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        System.err.println("stopping host " + h.addr() + ": " + e);
      }
    }
  }
}
