package io.daos.server;

import io.daos.server.config.ServerConfig;
import io.daos.server.mgmt.svc.MsContext;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * This server's control-plane identity: where gRPC binds ({@code control_addr}, else all interfaces), and
 * which {@code mgmt_svc_replicas} entry, if any, is this server (same port, host resolving to a local
 * address — or to {@code control_addr} when set), as DAOS decides whether a server is an MS replica.
 */
record ControlAddress(String bindHost, int port, Optional<String> replicaAddr, List<String> replicas) {

  static ControlAddress of(ServerConfig cfg) {
    List<String> resolved = MsContext.resolve(cfg.mgmtSvcReplicas());
    Optional<String> self = resolved.stream().filter(r -> isSelf(r, cfg)).findFirst();
    String bind = cfg.controlAddr().isEmpty() ? "0.0.0.0" : cfg.controlAddr();
    return new ControlAddress(bind, cfg.port(), self, resolved);
  }

  private static boolean isSelf(String hostPort, ServerConfig cfg) {
    int colon = hostPort.lastIndexOf(':');
    if (!hostPort.substring(colon + 1).equals(Integer.toString(cfg.port()))) {
      return false;
    }
    String host = hostPort.substring(0, colon);
    try {
      InetAddress a = InetAddress.getByName(host);
      if (!cfg.controlAddr().isEmpty()) {
        return a.equals(InetAddress.getByName(cfg.controlAddr()));
      }
      return a.isLoopbackAddress() || a.isAnyLocalAddress() || NetworkInterface.getByInetAddress(a) != null;
    } catch (UnknownHostException | SocketException e) {
      return false;
    }
  }

  boolean isReplica() {
    return replicaAddr.isPresent();
  }

  /** True if this server is the first listed replica, the one that bootstraps a new system. */
  boolean isBootstrapReplica() {
    return replicaAddr.isPresent() && replicas.get(0).equals(replicaAddr.get());
  }

  /** The address engines give in Join: the replica address, else control_addr, else 0.0.0.0 (MS uses the peer). */
  String joinAddr() {
    return replicaAddr.orElse(bindHost + ":" + port);
  }
}
