package io.daos.agent.config;

import java.util.List;

/** One {@code fabric_ifaces} entry: the fabric devices to use for clients on {@code numa_node}. */
public record NumaFabricConfig(int numaNode, List<Device> devices) {
  public NumaFabricConfig {
    devices = List.copyOf(devices);
  }

  /** {@code {iface, domain}}; an empty domain means the interface name. */
  public record Device(String iface, String domain) {
    public Device {
      iface = iface == null ? "" : iface;
      domain = domain == null || domain.isEmpty() ? iface : domain;
    }
  }
}
