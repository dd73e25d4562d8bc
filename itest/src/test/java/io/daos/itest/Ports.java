package io.daos.itest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on loopback for test servers. */
final class Ports {
  private Ports() {
  }

  /** A free port p such that p+1 is also free (the control port and its derived Raft port). */
  static int freePair() throws IOException {
    for (int i = 0; i < 50; i++) {
      int p = free();
      if (p < 65535 && isFree(p + 1)) {
        return p;
      }
    }
    throw new IOException("no free port pair on loopback");
  }

  static int free() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
