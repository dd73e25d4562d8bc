package io.daos.server;

import io.daos.common.fault.Fault;
import io.daos.server.config.ConfigFaults;
import io.daos.server.config.EngineConfig;
import io.daos.server.config.ServerConfig;
import io.daos.server.config.engine.FabricConfig;
import io.daos.server.config.engine.ScmTier;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Optional;

/**
 * What a validated config needs from this host, checked before anything binds so that a bad host setting fails
 * at start-up with the key to fix instead of as a dmg timeout later: paths are absolute, each engine's {@code fabric_iface} exists and
 * has an IPv4 address (the engine binds it), and the ports daos_server and its engines will listen on are free —
 * {@code port}, on an MS replica {@code port + 1} (Raft), and per engine {@code fabric_iface_port} and
 * {@code fabric_iface_port + 1} (the pool service Raft).
 */
final class HostPreflight {
  private HostPreflight() {
  }

  /** Throws a bad-config {@link Fault} naming the key, the value and the fix. */
  static void check(ServerConfig cfg, ControlAddress ctl) {
    paths(cfg);
    if (cfg.port() > 0) {
      portFree(ctl.bindHost(), cfg.port(), "port", "the control port");
      if (ctl.isReplica()) {
        portFree(ctl.bindHost(), cfg.port() + 1, "port", "the MS Raft port (control port + 1)");
      }
    }
    for (int i = 0; i < cfg.engines().size(); i++) {
      FabricConfig f = cfg.engineFabric(i);
      String key = "engines[" + i + "].fabric_iface_port";
      String host = fabricAddress(f.fabricIface(), i).getHostAddress();
      portFree(host, f.fabricIfacePort(), key, "engine " + i + "'s fabric port");
      portFree(host, f.fabricIfacePort() + 1, key, "engine " + i + "'s pool service Raft port (fabric port + 1)");
    }
  }

  /** Everything a daemon opens must be absolute: a relative path resolves against wherever systemd started it. */
  static void paths(ServerConfig cfg) {
    absolute("socket_dir", cfg.socketDir());
    absolute("control_log_file", cfg.controlLogFile());
    absolute("helper_log_file", cfg.helperLogFile());
    if (cfg.controlMetadata().hasPath()) {
      absolute("control_metadata.path", cfg.controlMetadata().path());
    }
    for (int i = 0; i < cfg.engines().size(); i++) {
      EngineConfig e = cfg.engines().get(i);
      absolute("engines[" + i + "].log_file", e.logFile());
      for (ScmTier s : e.scmTiers()) {
        absolute("engines[" + i + "].storage.scm_mount", s.scmMount());
      }
    }
  }

  private static void absolute(String key, String path) {
    if (path != null && !path.isEmpty() && !path.startsWith("/")) {
      throw ConfigFaults.badConfig(key + " \"" + path + "\" is a relative path",
          "give " + key + " as an absolute path (a relative one resolves against daos_server's working "
              + "directory) and restart daos_server");
    }
  }

  /** The IPv4 address of {@code iface} ("lo", an IP literal or an interface name), as the engine resolves it. */
  static InetAddress fabricAddress(String iface, int idx) {
    try {
      if (iface.equals("lo")) {
        return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
      }
      if (iface.matches("[0-9.]+") || iface.contains(":")) {
        return InetAddress.getByName(iface);
      }
      NetworkInterface ni = NetworkInterface.getByName(iface);
      Optional<InetAddress> v4 = ni == null ? Optional.empty() : Collections.list(ni.getInetAddresses()).stream()
          .filter(a -> a instanceof Inet4Address).findFirst();
      if (ni == null) {
        throw badIface(idx, iface, "no such network interface on this host");
      }
      return v4.orElseThrow(() -> badIface(idx, iface, "the interface has no IPv4 address"));
    } catch (UnknownHostException | SocketException e) {
      throw badIface(idx, iface, e.getMessage());
    }
  }

  private static Fault badIface(int idx, String iface, String why) {
    return ConfigFaults.badConfig("engines[" + idx + "].fabric_iface \"" + iface + "\": " + why,
        "set fabric_iface of engine " + idx + " to an interface of this host that has an IPv4 address (see "
            + "`ip addr` or `dmg network scan`) and restart daos_server");
  }

  private static void portFree(String host, int port, String key, String what) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw ConfigFaults.badConfig(key + ": " + what + " " + host + ":" + port + " is already in use ("
          + e.getMessage() + ")", "stop the process that listens on port " + port + " (`ss -ltnp | grep :" + port
          + "`; another daos_server or engine?) or change " + key + " in the config, and restart daos_server");
    }
  }
}
