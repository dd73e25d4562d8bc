package io.daos.dmg.command.telemetry;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.HostLists;
import io.daos.dmg.command.Outcome;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dmg telemetry config} (DAOS {@code telemConfigCmd}): points Prometheus at the servers of
 * {@code daos_control.yml}. Writes {@code ~/.prometheus.yml} with DAOS's cut-down config: the {@code global}
 * scrape interval kept, the scrape configs replaced by one job {@code daos} scraping every host on port 9191 every
 * 5 s. DAOS downloads Prometheus from GitHub when it is not on the PATH; jdaos does not fetch binaries and says to
 * install it instead (Debian: {@code apt-get install prometheus}). Where DAOS then fails because
 * {@code ~/.prometheus.yml} does not exist yet, jdaos starts from an empty config.
 */
@Command(name = "config", description = "Configure telemetry")
public final class TelemetryConfigCommand extends BaseCommand {
  static final int DAOS_TELEMETRY_PORT = 9191;

  /** DAOS's short name {@code -i} is dmg's global --insecure too: see {@code Dmg.shadowGlobalFlags}. */
  @Option(names = "--install-dir", required = true, description = "Install directory for telemetry binary (-i)")
  String installDir;
  @Option(names = {"-s", "--system"}, defaultValue = "prometheus", description = "Telemetry system to configure")
  String system;

  @Override
  protected boolean needsClient() {
    return false;
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    String text = configure(installDir, system, System.getenv("PATH"), Path.of(System.getProperty("user.home")),
        context().config().hostList());
    return Outcome.of(null, null, (o, err) -> o.append(text));
  }

  /**
   * Configures {@code system} for the servers {@code hosts}, finding its binary in {@code searchPath} and writing
   * {@code home/.prometheus.yml}; returns what dmg prints.
   */
  static String configure(String installDir, String system, String searchPath, Path home, List<String> hosts) {
    if (!system.toLowerCase(Locale.ROOT).equals("prometheus")) {
      throw new CommandError("unsupported telemetry system: \"" + system + "\"");
    }
    Path dir = Path.of(installDir);
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new CommandError("Install folder " + installDir + " does not have write permission",
          "create it or pick a folder you can write to");
    }
    Path bin = lookPath(searchPath, "prometheus");
    if (bin == null) {
      throw new CommandError("failed to install prometheus: prometheus is not in PATH and jdaos's dmg does not "
          + "download binaries", "install it (Debian: apt-get install prometheus) and run dmg telemetry config again");
    }
    Path cfgPath = home.resolve(".prometheus.yml");
    Map<String, Object> cfg = load(cfgPath);
    List<String> targets;
    try {
      targets = HostLists.expand(String.join(",", hosts), DAOS_TELEMETRY_PORT);
    } catch (IllegalArgumentException e) {
      throw new CommandError(e.getMessage());
    }
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("job_name", "daos");
    job.put("scrape_interval", "5s");
    job.put("static_configs", List.of(Map.of("targets", targets)));
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> global = new LinkedHashMap<>();
    Object interval = cfg.get("global") instanceof Map<?, ?> g ? g.get("scrape_interval") : null;
    global.put("scrape_interval", interval == null ? "0s" : interval);
    out.put("global", global);
    out.put("scrape_configs", List.of(job));
    try {
      Files.writeString(cfgPath, dump(out), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CommandError("failed to write " + cfgPath + ": " + e.getMessage());
    }
    return "Configuring Prometheus for DAOS monitoring...\nWrote DAOS monitoring config to " + cfgPath + ")\n";
  }

  private static Path lookPath(String searchPath, String name) {
    for (String d : (searchPath == null ? "" : searchPath).split(File.pathSeparator)) {
      Path p = Path.of(d.isEmpty() ? "." : d, name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  private static Map<String, Object> load(Path cfgPath) {
    if (!Files.exists(cfgPath)) {
      return Map.of();
    }
    try {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(cfgPath));
      if (doc == null) {
        return Map.of();
      }
      if (!(doc instanceof Map<?, ?> m)) {
        throw new CommandError(cfgPath + " is not a Prometheus config (a YAML mapping)", "fix or remove it");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) m;
      return map;
    } catch (IOException | RuntimeException e) {
      if (e instanceof CommandError ce) {
        throw ce;
      }
      throw new CommandError("cannot read " + cfgPath + ": " + e.getMessage(), "fix or remove it");
    }
  }

  private static String dump(Map<String, Object> doc) {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndicatorIndent(0);
    return new Yaml(new Representer(o), o).dump(doc);
  }
}
