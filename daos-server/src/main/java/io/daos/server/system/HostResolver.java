package io.daos.server.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** Default "host:port" → "ip:port" resolution through the JVM's name service. */
final class HostResolver {
  private HostResolver() {
  }

  static boolean hasPort(String host) {
    int colon = host.lastIndexOf(':');
    return colon > 0 && host.indexOf(':') == colon && host.substring(colon + 1).matches("\\d+");
  }

  static Optional<String> resolve(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    try {
      InetAddress a = InetAddress.getByName(hostPort.substring(0, colon));
      return Optional.of(a.getHostAddress() + hostPort.substring(colon));
    } catch (UnknownHostException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
