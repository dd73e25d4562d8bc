package io.daos.itest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
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
}
