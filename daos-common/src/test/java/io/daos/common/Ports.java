package io.daos.common;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Free TCP ports on loopback for test servers. Ports handed out once are never handed out again by this JVM,
 * so two engines of one config cannot be given overlapping port pairs.
 */
public final class Ports {
  private static final Set<Integer> GIVEN = new HashSet<>();
  /** The lowest port handed out, clear of DAOS's control ports 10001/10002. */
  private static final int FIRST = 12000;
  private static final Random RANDOM = new Random();

  private Ports() {
  }

  /**
   * A free port p such that p+1 is also free: a control port and its MS Raft port, or an engine's fabric port
   * and its pool-service Raft port.
   */
  public static synchronized int freePair() throws IOException {
    for (int i = 0; i < 100; i++) {
      int p = free();
      if (p < 65535 && !GIVEN.contains(p + 1) && isFree(p + 1)) {
        GIVEN.add(p + 1);
        return p;
      }
    }
    throw new IOException("no free port pair on loopback");
  }

  /**
   * A free port below the kernel's ephemeral range: a port picked from that range can be taken by an outgoing
   * connection's source port between the pick and the server's bind (seen as a pool-service Raft server failing
   * with EADDRINUSE on fabric port + 1).
   */
  public static synchronized int free() throws IOException {
    int top = ephemeralLow() - 2;
    for (int i = 0; i < 1000; i++) {
      int p = FIRST + RANDOM.nextInt(top - FIRST);
      if (!GIVEN.contains(p) && isFree(p)) {
        GIVEN.add(p);
        return p;
      }
    }
    throw new IOException("no free port on loopback in [" + FIRST + ", " + top + ")");
  }

  /** The first port of net.ipv4.ip_local_port_range (Linux's default 32768 where it cannot be read). */
  public static int ephemeralLow() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
      return Math.max(FIRST + 1000, Integer.parseInt(range.split("\\s+")[0]));
    } catch (IOException | RuntimeException e) {
      return 32768;
    }
  }

  public static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** True if {@code port} can be bound on the address {@code ip} (e.g. 127.0.0.3). */
  public static boolean isFree(String ip, int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(ip))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * One control port for every host address: {@code preferred} (DAOS's 10001) when it and its Raft port
   * (+1) are free on all of {@code ips}, else a free pair that is. A pair from {@link #free()} is marked as given,
   * so the in-process clusters of test classes that run at the same time never share one.
   */
  public static synchronized int sharedControlPort(List<String> ips, int preferred) throws IOException {
    if (!GIVEN.contains(preferred + 1) && pairFreeOnAll(ips, preferred)) {
      if (GIVEN.contains(preferred)) { // handed out by free(): its Raft port is this cluster's too
        GIVEN.add(preferred + 1);
      }
      return preferred;
    }
    for (int i = 0; i < 50; i++) {
      int p = free();
      if (p < 65535 && !GIVEN.contains(p + 1) && pairFreeOnAll(ips, p)) {
        GIVEN.add(p + 1);
        return p;
      }
    }
    throw new IOException("no control port pair free on all of " + ips);
  }

  private static boolean pairFreeOnAll(List<String> ips, int port) {
    return ips.stream().allMatch(ip -> isFree(ip, port) && isFree(ip, port + 1));
  }

  /** A free pair p, p+1 on loopback, neither in {@code taken}; both are added to it. */
  public static int freePairExcept(Set<Integer> taken) throws IOException {
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
