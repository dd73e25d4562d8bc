package io.daos.engine;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;

/** Resolves D_INTERFACE to the IPv4 address the data plane binds: "lo", an IP literal, or an interface name. */
public final class FabricAddress {
  private FabricAddress() {
  }

  public static InetAddress resolve(String iface) throws EngineUsageException {
    if (iface.equals("lo")) {
      return loopback();
    }
    if (looksLikeIp(iface)) {
      try {
        return InetAddress.getByName(iface);
      } catch (UnknownHostException e) {
        throw new EngineUsageException("D_INTERFACE=" + iface + " is not a valid IP address");
      }
    }
    try {
      NetworkInterface ni = NetworkInterface.getByName(iface);
      if (ni == null) {
        throw new EngineUsageException("D_INTERFACE=" + iface + ": no such network interface; set fabric_iface "
            + "in daos_server.yml to an existing interface (see `ip addr`)");
      }
      for (InetAddress a : Collections.list(ni.getInetAddresses())) {
        if (a instanceof Inet4Address) {
          return a;
        }
      }
      throw new EngineUsageException("D_INTERFACE=" + iface + " has no IPv4 address");
    } catch (SocketException e) {
      throw new EngineUsageException("D_INTERFACE=" + iface + ": " + e.getMessage());
    }
  }

  private static InetAddress loopback() throws EngineUsageException {
    try {
      return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new EngineUsageException("cannot build 127.0.0.1: " + e.getMessage());
    }
  }

  private static boolean looksLikeIp(String s) {
    return s.matches("[0-9.]+") || s.contains(":");
  }
}
