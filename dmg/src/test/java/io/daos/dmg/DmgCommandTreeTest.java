package io.daos.dmg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Our dmg has every command and subcommand of DAOS's {@code dmg --help} (DAOS's cmd/dmg command structs, hidden
 * ones left out), by the same names.
 */
class DmgCommandTreeTest {
  /** DAOS's visible dmg commands, parent before child. */
  private static final List<String> DAOS = List.of(
      "server", "server set-logmasks",
      "storage", "storage scan", "storage format", "storage query", "storage query list-pools",
      "storage query list-devices", "storage query usage", "storage nvme-rebind", "storage nvme-add-device",
      "storage set", "storage set nvme-faulty", "storage replace", "storage replace nvme", "storage led",
      "storage led check", "storage led identify",
      "config", "config generate",
      "system", "system leader-query", "system query", "system stop", "system start", "system exclude",
      "system clear-exclude", "system drain", "system reintegrate", "system erase", "system list-pools",
      "system cleanup", "system set-attr", "system get-attr", "system del-attr", "system set-prop",
      "system get-prop", "system rebuild", "system rebuild start", "system rebuild stop", "system self-heal",
      "system self-heal eval",
      "network", "network scan",
      "support", "support collect-log",
      "pool", "pool create", "pool destroy", "pool evict", "pool list", "pool extend", "pool exclude", "pool drain",
      "pool reintegrate", "pool query", "pool query-targets", "pool get-acl", "pool overwrite-acl",
      "pool update-acl", "pool delete-acl", "pool set-prop", "pool get-prop", "pool upgrade", "pool rebuild",
      "pool rebuild start", "pool rebuild stop",
      "container", "container set-owner",
      "version", "server-version",
      "telemetry", "telemetry config", "telemetry metrics", "telemetry metrics list", "telemetry metrics query",
      "check", "check enable", "check disable", "check start", "check stop", "check query", "check set-policy",
      "check get-policy", "check repair");

  @Test
  void everyDaosCommandExists() {
    PrintStream devNull = new PrintStream(new ByteArrayOutputStream());
    CommandLine root = new CommandTree(new Dmg(devNull, devNull, cfg -> {
      throw new AssertionError("no command runs here");
    }), Dmg.COMMANDS).full();
    List<String> missing = new ArrayList<>();
    for (String path : DAOS) {
      CommandLine at = root;
      for (String name : path.split(" ")) {
        Map<String, CommandLine> subs = at == null ? Map.of() : at.getSubcommands();
        at = subs.get(name);
      }
      if (at == null) {
        missing.add(path);
      }
    }
    assertEquals(List.of(), missing, "dmg commands DAOS has and ours lacks");
  }
}
