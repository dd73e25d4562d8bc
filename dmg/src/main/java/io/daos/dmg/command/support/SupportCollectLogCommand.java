package io.daos.dmg.command.support;

import io.daos.control.support.CollectLogFlags;
import io.daos.control.support.CollectLogOptions;
import io.daos.control.support.SupportLogs;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.HostResult;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.PrintHosts;
import io.daos.dmg.output.TableFormatter;
import io.daos.proto.ctl.CollectLogReq;
import io.daos.proto.ctl.CollectLogResp;
import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.common.hostlist.HostSet;
import io.daos.common.cli.ErrorText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dmg support collect-log}: every server copies its config, host information, logs and daos_server
 * information into {@code <target-folder>/<host>/} (CtlSvc CollectLog, one call per item and host), dmg records its
 * own command outputs in {@code <target-folder>/DmgSystemLogs/} and the devices of each host in
 * {@code <target-folder>/<host>/DmgNodeLogs/}, and with {@code --archive} the folder becomes
 * {@code <target-folder>.tar.gz} on this node and on every server (DAOS collectLogCmd). Failed items are listed in
 * the summary and, with {@code --stop-on-error}, end the command.
 */
@Command(name = "collect-log", description = "Collect logs from servers")
public final class SupportCollectLogCommand extends BaseCommand {
  @Mixin
  CollectLogFlags flags;

  /** The clock that names the default target folder. */
  static Clock clock = Clock.systemDefaultZone();

  @Override
  protected Outcome execute(ControlInvoker client) {
    CollectLogOptions opts = flags.options();
    boolean stopOnError = flags.stopOnError();
    try {
      opts.validate();
    } catch (IllegalArgumentException e) {
      throw new CommandError(e.getMessage());
    }
    boolean json = context().json();
    boolean dmgInfo = opts.everything();
    Map<Integer, List<String>> servers = opts.serverItems();
    int total = servers.size() + (dmgInfo ? 2 : 0) + (flags.archive() ? 1 : 0);
    Progress progress = new Progress(total, json);
    StringBuilder out = new StringBuilder();
    StringBuilder summary = new StringBuilder();
    Path target = flags.target(clock);
    out.append("Support logs will be copied to ").append(target).append('\n');
    try {
      createFolder(target);
      // the MS must answer: its system query is the first thing recorded
      dmgOutput(target, "dmg system query", true);
      for (Map.Entry<Integer, List<String>> e : servers.entrySet()) {
        for (String cmd : e.getValue()) {
          collect(client, opts.request(target.toString(), e.getKey(), cmd), cmd, summary);
        }
        out.append(progress.step());
      }
      if (dmgInfo) {
        for (String cmd : SupportLogs.DMG_CMDS) {
          dmgOutput(target, cmd, stopOnError);
        }
        out.append(progress.step());
        diskInfo(target);
        out.append(progress.step());
      }
      if (flags.archive()) {
        try {
          SupportLogs.archive(target);
        } catch (IOException e) {
          if (stopOnError) {
            throw e;
          }
        }
        collect(client, CollectLogReq.newBuilder().setTargetFolder(target.toString())
            .setLogFunction(SupportLogs.ARCHIVE_LOGS).setAdminNode(SupportLogs.hostName()).build(), "archive",
            summary);
        out.append(progress.step());
      }
    } catch (IOException e) {
      throw new CommandError("support collect-log failed", e);
    }
    out.append(progress.end());
    if (summary.isEmpty()) {
      out.append("Summary : All Commands Successfully Executed\n");
    } else {
      out.append("Summary :\n").append(summary);
    }
    return Outcome.of(null, null, (o, err) -> o.append(out));
  }

  private static void createFolder(Path target) throws IOException {
    if (!Files.isDirectory(target)) {
      try {
        Files.createDirectory(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException e) {
        Files.createDirectory(target);
      }
    }
  }

  /** One CollectLog call to every host; host errors become summary rows (DAOS UpdateErrorSummary). */
  private void collect(ControlInvoker client, CollectLogReq req, String cmd, StringBuilder summary) {
    List<HostResult<CollectLogResp>> results;
    try {
      results = client.invokeHosts(CtlSvcGrpc.getCollectLogMethod(), req, context().hostList());
    } catch (RuntimeException e) {
      if (flags.stopOnError()) {
        throw e;
      }
      summary.append(cmd).append(": ").append(ErrorText.message(e)).append('\n');
      return;
    }
    Map<String, HostSet> byError = new LinkedHashMap<>();
    for (HostResult<CollectLogResp> r : results) {
      if (r.error() != null) {
        byError.merge(ErrorText.message(r.error()), HostSet.parse(r.addr()), HostSet::union);
      }
    }
    if (byError.isEmpty()) {
      return;
    }
    List<Map<String, String>> rows = new ArrayList<>();
    byError.forEach((err, hosts) -> rows.add(Map.of("Hosts", PrintHosts.strip(hosts.toString()), "Command", cmd,
        "Error", err)));
    String table = new TableFormatter("Hosts", "Command", "Error").format(rows);
    summary.append(table).append('\n');
    if (flags.stopOnError()) {
      throw new CommandError(byError.size() == 1 ? byError.keySet().iterator().next()
          : byError.size() + " errors; see the summary", table);
    }
  }

  /** Runs {@code cmd} (a dmg command line) here and writes its output to DmgSystemLogs (DAOS collectDmgCmd). */
  private void dmgOutput(Path target, String cmd, boolean failIsError) throws IOException {
    Path dir = SupportLogs.folder(target, SupportLogs.DMG_SYSTEM_LOGS);
    List<String> args = dmgArgs(cmd);
    if (context().json()) {
      args.add(0, "-j");
    }
    String[] res = runDmg(args);
    if (!res[0].equals("0")) {
      if (failIsError) {
        throw new CommandError((res[1] + res[2]).strip());
      }
      return;
    }
    Files.writeString(dir.resolve(SupportLogs.outputName(cmd)), res[1] + res[2]);
  }

  /** Each host's device list in {@code <target>/<host>/DmgNodeLogs} (DAOS collectDmgDiskInfo). */
  private void diskInfo(Path target) throws IOException {
    List<String> hosts = context().hostList().isEmpty() ? context().config().hostList() : context().hostList();
    for (String addr : hosts) {
      String host = addr.contains(":") ? addr.substring(0, addr.lastIndexOf(':')) : addr;
      Path dir = SupportLogs.folder(target.resolve(host), SupportLogs.DMG_NODE_LOGS);
      List<String> args = dmgArgs(SupportLogs.DMG_LIST_DEVICES);
      args.addAll(List.of("-l", addr));
      String[] res = runDmg(args);
      if (res[0].equals("0")) {
        Files.writeString(dir.resolve(SupportLogs.outputName(SupportLogs.DMG_LIST_DEVICES)), res[1]);
      } else if (flags.stopOnError()) {
        throw new CommandError((res[1] + res[2]).strip());
      }
    }
  }

  /** The arguments of a "dmg ..." command line. */
  private static List<String> dmgArgs(String cmd) {
    List<String> words = List.of(cmd.split(" "));
    return new ArrayList<>(words.subList(1, words.size()));
  }

  private String[] runDmg(List<String> args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int rc;
    try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
      rc = context().runDmg(args, po, pe);
    }
    return new String[] {Integer.toString(rc), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
  }

  /** DAOS's ProgressBar: "\r[====   ]  step/total", nothing with JSON output. */
  static final class Progress {
    private final int total;
    private final boolean hidden;
    private int done;

    Progress(int total, boolean hidden) {
      this.total = Math.max(1, total);
      this.hidden = hidden;
    }

    String step() {
      if (hidden || done == total) {
        return "";
      }
      done++;
      return String.format("\r[%-100s] %8d/%d", "=".repeat(100 / total * done), done, total);
    }

    String end() {
      return hidden ? "" : String.format("\r[%-100s] %8d/%d\n", "=".repeat(100), total, total);
    }
  }
}
