package io.daos.dmg.command;

import io.daos.common.Fault;
import io.daos.common.FaultCode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * dmg's view of daos_control.yml: system name, port, host list and whether transport security is off.
 * Interim: replaced by io.daos.control.ControlConfig once that is available.
 */
public record DmgConfig(String path, String name, int port, List<String> hostList, boolean allowInsecure) {
  public static final String DEFAULT_NAME = "daos_server";
  public static final int DEFAULT_PORT = 10001;
  private static final Set<String> KEYS = Set.of("name", "port", "hostlist", "transport_config");

  public static DmgConfig defaults() {
    return new DmgConfig("", DEFAULT_NAME, DEFAULT_PORT, List.of("localhost:" + DEFAULT_PORT), false);
  }

  /** Loads {@code path}, or DAOS's search order (~/.daos_control.yml, /etc/daos/daos_control.yml) when null. */
  public static DmgConfig load(String path) {
    if (path != null && !path.isEmpty()) {
      return loadFile(Path.of(path));
    }
    for (Path p : List.of(Path.of(System.getProperty("user.home"), ".daos_control.yml"),
        Path.of("/etc/daos/daos_control.yml"))) {
      if (Files.isReadable(p)) {
        return loadFile(p);
      }
    }
    return defaults();
  }

  private static DmgConfig loadFile(Path p) {
    Object doc;
    try (Reader r = Files.newBufferedReader(p)) {
      doc = new Yaml(new LoaderOptions()).load(r);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("failed to load control configuration: " + p + ": " + e.getMessage(), e);
    }
    Map<?, ?> m = doc == null ? Map.of() : doc instanceof Map<?, ?> mm ? mm : null;
    if (m == null) {
      throw new IllegalArgumentException("failed to load control configuration: " + p + ": not a YAML mapping");
    }
    for (Object k : m.keySet()) {
      if (!KEYS.contains(String.valueOf(k))) {
        throw new IllegalArgumentException("failed to load control configuration: " + p + ": unknown key \"" + k
            + "\" (valid keys: name, port, hostlist, transport_config)");
      }
    }
    return fromMap(p, m);
  }

  private static DmgConfig fromMap(Path p, Map<?, ?> m) {
    String name = m.get("name") == null ? DEFAULT_NAME : String.valueOf(m.get("name"));
    int port = m.get("port") instanceof Number n ? n.intValue() : DEFAULT_PORT;
    if (port <= 0 || port > 65535) {
      throw new Fault("client", FaultCode.CLIENT_CONFIG_BAD_CONTROL_PORT, "invalid control port in " + p,
          "specify a nonzero control port in configuration ('port' parameter) and retry the client application");
    }
    List<String> hosts = new ArrayList<>();
    Object hl = m.get("hostlist");
    for (Object h : hl instanceof List<?> l ? l : hl == null ? List.of("localhost") : List.of(hl)) {
      hosts.addAll(HostLists.expand(String.valueOf(h), port));
    }
    if (hosts.isEmpty()) {
      throw new Fault("client", FaultCode.CLIENT_CONFIG_EMPTY_HOST_LIST, "empty hostlist parameter in " + p,
          "specify a non-empty list of DAOS server addresses in configuration ('hostlist' parameter) and retry the "
              + "client application");
    }
    boolean insecure = m.get("transport_config") instanceof Map<?, ?> tc
        && Boolean.TRUE.equals(tc.get("allow_insecure"));
    return new DmgConfig(p.toString(), name, port, hosts, insecure);
  }

  public DmgConfig withHostList(List<String> hosts) {
    return new DmgConfig(path, name, port, List.copyOf(hosts), allowInsecure);
  }

  public DmgConfig withInsecure() {
    return new DmgConfig(path, name, port, hostList, true);
  }
}
