package io.daos.agent.mgmt;

import io.daos.agent.config.AgentConfig;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Chooses the client's fabric interface and domain for the servers' provider. With {@code fabric_ifaces}
 * configured, the first device listed (lowest NUMA node) is used. Otherwise the local interfaces are scanned
 * (honouring include/exclude_fabric_ifaces): engines reached over loopback ({@code ofi+tcp://127.0.0.1:...},
 * one-host systems) give {@code lo}; else the up interface whose subnet holds the first engine's address;
 * else the first up non-loopback interface; else {@code lo}. For TCP the domain is the interface name.
 * (DAOS picks by NUMA node and provider from an hwloc/libfabric scan; jdaos engines speak TCP only.)
 */
public final class FabricSelector {
  private final AgentConfig cfg;
  private final Supplier<List<NetworkInterface>> scan;

  public FabricSelector(AgentConfig cfg) {
    this(cfg, FabricSelector::localInterfaces);
  }

  FabricSelector(AgentConfig cfg, Supplier<List<NetworkInterface>> scan) {
    this.cfg = cfg;
    this.scan = scan;
  }

  /** Interface and domain for a client of engines whose first URI is {@code rankUri} (may be empty). */
  public Choice select(String rankUri) {
    Optional<Choice> configured = cfg.fabricIfaces().stream()
        .sorted((a, b) -> Integer.compare(a.numaNode(), b.numaNode()))
        .flatMap(n -> n.devices().stream()).findFirst().map(d -> new Choice(d.iface(), d.domain()));
    if (configured.isPresent()) {
      return configured.get();
    }
    List<NetworkInterface> ifaces = scan.get().stream().filter(this::allowed).toList();
    Optional<InetAddress> engine = engineAddress(rankUri);
    if (engine.isPresent() && engine.get().isLoopbackAddress()) {
      return loopback(ifaces);
    }
    return engine.flatMap(a -> sameSubnet(ifaces, a))
        .or(() -> ifaces.stream().filter(i -> !isLoopback(i)).findFirst())
        .map(i -> new Choice(i.getName(), i.getName())).orElseGet(() -> loopback(ifaces));
  }

  private Choice loopback(List<NetworkInterface> ifaces) {
    String name = ifaces.stream().filter(FabricSelector::isLoopback).map(NetworkInterface::getName).findFirst()
        .orElse("lo");
    return new Choice(name, name);
  }

  private boolean allowed(NetworkInterface i) {
    Set<String> inc = cfg.includeFabricIfaces();
    return inc.isEmpty() ? !cfg.excludeFabricIfaces().contains(i.getName()) : inc.contains(i.getName());
  }

  private static Optional<NetworkInterface> sameSubnet(List<NetworkInterface> ifaces, InetAddress target) {
    for (NetworkInterface i : ifaces) {
      for (InterfaceAddress a : i.getInterfaceAddresses()) {
        if (inPrefix(a.getAddress(), target, a.getNetworkPrefixLength())) {
          return Optional.of(i);
        }
      }
    }
    return Optional.empty();
  }

  static boolean inPrefix(InetAddress local, InetAddress target, int prefix) {
    byte[] l = local.getAddress();
    byte[] t = target.getAddress();
    if (l.length != t.length) {
      return false;
    }
    for (int bit = 0; bit < prefix && bit < l.length * 8; bit++) {
      int mask = 0x80 >> (bit % 8);
      if ((l[bit / 8] & mask) != (t[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** The host of {@code ofi+tcp://HOST:PORT} (provider lists such as {@code ofi+tcp;ofi_rxm} allowed). */
  static Optional<InetAddress> engineAddress(String uri) {
    if (uri == null || !uri.contains("://")) {
      return Optional.empty();
    }
    try {
      String host = URI.create("x" + uri.substring(uri.indexOf("://"))).getHost();
      return host == null ? Optional.empty() : Optional.of(InetAddress.getByName(host));
    } catch (IllegalArgumentException | UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static boolean isLoopback(NetworkInterface i) {
    try {
      return i.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }

  private static List<NetworkInterface> localInterfaces() {
    try {
      return Collections.list(NetworkInterface.getNetworkInterfaces()).stream().filter(i -> {
        try {
          return i.isUp();
        } catch (SocketException e) {
          return false;
        }
      }).toList();
    } catch (SocketException e) {
      return List.of();
    }
  }

  /** An interface and its fabric domain. */
  public record Choice(String iface, String domain) {
  }

}
