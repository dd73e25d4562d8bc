package io.daos.itest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Free TCP ports on loopback for test servers. Ports handed out once are never handed out again by this JVM,
 * so two engines of one config cannot be given overlapping port pairs.
 */
final class Ports {
  private static final Set<Integer> GIVEN = new HashSet<>();

  private Ports() {
  }

  /**
   * A free port p such that p+1 is also free: a control port and its MS Raft port, or an engine's fabric port
   * and its pool-service Raft port.
   */
  static synchronized int freePair() throws IOException {
    for (int i = 0; i < 100; i++) {
      int p = free();
      if (p < 65535 && !GIVEN.contains(p + 1) && isFree(p + 1)) {
        GIVEN.add(p + 1);
        return p;
      }
    }
    throw new IOException("no free port pair on loopback");
  }

  static synchronized int free() throws IOException {
    for (int i = 0; i < 100; i++) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int p = s.getLocalPort();
        if (GIVEN.add(p)) {
          return p;
        }
      }
    }
    throw new IOException("no free port on loopback");
  }

  static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** True if {@code port} can be bound on the address {@code ip} (e.g. 127.0.0.3). */
  static boolean isFree(String ip, int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(ip))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * One control port for every host address: {@code preferred} (DAOS's 10001) when it and its Raft port
   * (+1) are free on all of {@code ips}, else a free pair that is.
   */
  static int sharedControlPort(List<String> ips, int preferred) throws IOException {
    if (pairFreeOnAll(ips, preferred)) {
      return preferred;
    }
    for (int i = 0; i < 50; i++) {
      int p = free();
      if (p < 65535 && pairFreeOnAll(ips, p)) {
        return p;
      }
    }
    throw new IOException("no control port pair free on all of " + ips);
  }

  private static boolean pairFreeOnAll(List<String> ips, int port) {
    return ips.stream().allMatch(ip -> isFree(ip, port) && isFree(ip, port + 1));
  }

  /** A free pair p, p+1 on loopback, neither in {@code taken}; both are added to it. */
  static int freePairExcept(Set<Integer> taken) throws IOException {
    for (int i = 0; i < 100; i++) {
      int p = freePair();
      if (!taken.contains(p) && !taken.contains(p + 1)) {
        taken.add(p);
        taken.add(p + 1);
        return p;
      }
    }
    throw new IOException("no free port pair on loopback outside " + taken);
  }
}
