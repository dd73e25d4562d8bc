package io.daos.dmg.command.server;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.daos.common.LogMasks;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.HostResult;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.HostErrors;
import io.daos.dmg.output.PrintHosts;
import io.daos.dmg.output.storage.HostStorageMap;
import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.ctl.SetLogMasksReq;
import io.daos.proto.ctl.SetLogMasksResp;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dmg server set-logmasks} (alias {@code slm}): CtlSvc SetEngineLogMasks on every host. A flag left out
 * resets that setting to the server config's value (reset_masks / reset_streams / reset_subsystems); a host whose
 * engines report an error is a host error "engine-0: ..., engine-1: updated", as DAOS's control API makes it.
 */
@Command(name = "set-logmasks", aliases = "slm", description = "Set log masks for a set of facilities to a given "
    + "level and optionally specify debug streams to enable. Setting will be applied to all running DAOS I/O Engines "
    + "present in the configured dmg hostlist.")
public final class ServerSetLogMasksCommand extends BaseCommand {
  @Option(names = {"-m", "--masks"}, description = "Set log masks for a set of facilities to a given level. The "
      + "input string should look like PREFIX1=LEVEL1,PREFIX2=LEVEL2,... where the syntax is identical to what is "
      + "expected by 'D_LOG_MASK' environment variable. If the 'PREFIX=' part is omitted, then the level applies to "
      + "all defined facilities (e.g. a value of 'WARN' sets everything to WARN). If unset then reset engine log "
      + "masks to use the 'log_mask' value set in the server config file (for each engine) at the time of DAOS "
      + "system format. Supported levels are FATAL, CRIT, ERR, WARN, NOTE, INFO, DEBUG")
  String masks;
  /** {@code -d} after the command's name is this flag (the root rewrites it; the global -d is --debug). */
  @Option(names = "--streams", description = "(-d) Employ finer grained control over debug streams (DD_MASK): "
      + "a comma separated list of stream identifiers (md,pl,mgmt,epc,df,rebuild,daos_default and any,trace,mem,"
      + "net,io). If not set, streams will be read from server config file and if set to an empty string then all "
      + "debug streams will be enabled")
  String streams;
  @Option(names = {"-s", "--subsystems"}, description = "Enable logging for specific subsystems or facilities "
      + "(DD_SUBSYS): a comma separated list of facility identifiers. If not set, subsystems to enable will be read "
      + "from server config file and if set to an empty string then logging all subsystems will be enabled")
  String subsystems;

  SetLogMasksReq request(String sys) {
    SetLogMasksReq.Builder b = SetLogMasksReq.newBuilder().setSys(sys);
    if (masks == null) {
      b.setResetMasks(true);
    } else {
      check(LogMasks.problem(masks), null);
      b.setMasks(masks);
    }
    if (streams == null) {
      b.setResetStreams(true);
    } else {
      check(LogMasks.streamsProblem(streams), "logging debug streams");
      b.setStreams(streams);
    }
    if (subsystems == null) {
      b.setResetSubsystems(true);
    } else {
      check(LogMasks.subsystemsProblem(subsystems), "validate logging subsystems");
      b.setSubsystems(subsystems);
    }
    return b.build();
  }

  private static void check(String problem, String what) {
    if (problem != null) {
      throw new CommandError("set engine log level failed: " + (what == null ? "" : what + ": ") + problem);
    }
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    SetLogMasksReq req = request(client.systemName());
    HostErrors errors = new HostErrors();
    HostStorageMap updated = new HostStorageMap();
    List<HostResult<SetLogMasksResp>> results;
    try {
      results = client.invokeHosts(CtlSvcGrpc.getSetEngineLogMasksMethod(), req, context().hostList());
    } catch (RuntimeException e) {
      throw new CommandError("set engine log level failed", e);
    }
    for (HostResult<SetLogMasksResp> r : results) {
      if (r.error() != null) {
        errors.add(r.addr(), r.error());
      } else if (r.response().getErrorsList().stream().anyMatch(e -> !e.isEmpty())) {
        errors.add(r.addr(), new CommandError(engineErrors(r.response().getErrorsList())));
      } else {
        updated.add(r.addr(), emptyHostStorage());
      }
    }
    JsonObject resp = new JsonObject();
    resp.add("host_errors", errors.toJson());
    resp.add("HostStorage", updated.toJson());
    String summary = errors.summary();
    return Outcome.of(resp, summary == null ? null : new CommandError("set engine log level failed: " + summary),
        (out, err) -> {
          errors.print(err);
          for (String k : updated.keys()) {
            int n = io.daos.common.hostlist.HostSet.parse(updated.hosts(k)).count();
            out.append("Engine log-masks updated successfully on the following ").append(n == 1 ? "host" : "hosts")
                .append(": ").append(PrintHosts.strip(updated.hosts(k))).append('\n');
          }
        });
  }

  /** "engine-0: <error>, engine-1: updated" (DAOS SetEngineLogMasksResp.addHostResponse). */
  static String engineErrors(List<String> perEngine) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < perEngine.size(); i++) {
      parts.add("engine-" + i + ": " + (perEngine.get(i).isEmpty() ? "updated" : perEngine.get(i)));
    }
    return String.join(", ", parts);
  }

  /** DAOS's empty HostStorage (nil slices) as the JSON value of the updated hosts. */
  private static JsonObject emptyHostStorage() {
    JsonObject hs = new JsonObject();
    for (String f : List.of("nvme_devices", "scm_modules", "scm_namespaces", "scm_mount_points", "smd_info")) {
      hs.add(f, JsonNull.INSTANCE);
    }
    hs.addProperty("reboot_required", false);
    hs.add("mem_info", JsonNull.INSTANCE);
    return hs;
  }
}
