package io.daos.dmg.command.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.HostResult;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.HostErrors;
import io.daos.dmg.output.storage.HostStorageMap;
import io.daos.dmg.output.storage.StoragePrinter;
import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.ctl.FormatNvmeReq;
import io.daos.proto.ctl.FormatScmReq;
import io.daos.proto.ctl.NvmeControllerResult;
import io.daos.proto.ctl.ResponseStatus;
import io.daos.proto.ctl.ScmMountResult;
import io.daos.proto.ctl.StorageFormatReq;
import io.daos.proto.ctl.StorageFormatResp;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dmg storage format}: format SCM and NVMe on every host, refusing when a system is running. */
@Command(name = "format", description = "Format SCM and NVMe storage attached to remote servers.")
public final class StorageFormatCommand extends BaseCommand {
  @Option(names = {"-v", "--verbose"}, description = "Show results of each SCM & NVMe device format operation")
  boolean verbose;
  @Option(names = "--force",
      description = "Force storage format on a host, stopping any running engines (CAUTION: destructive operation)")
  boolean force;
  @Option(names = "--replace", description = "Replace an excluded rank (CAUTION: experimental operation)")
  boolean replace;

  StorageFormatReq request(List<String> hosts) {
    if (replace && force) {
      throw new CommandError("--replace and --force options may not be mixed");
    }
    if (replace && hosts.size() != 1) {
      throw new CommandError("command expects a single host in hostlist if replace option used");
    }
    return StorageFormatReq.newBuilder().setNvme(FormatNvmeReq.getDefaultInstance())
        .setScm(FormatScmReq.getDefaultInstance()).setReformat(force).setReplace(replace).build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    List<String> hosts = context().hostList();
    StorageFormatReq req = request(hosts);
    FormatCheck.check(client, hosts);
    HostErrors errors = new HostErrors();
    HostStorageMap hsm = new HostStorageMap();
    for (HostResult<StorageFormatResp> r : client.invokeHosts(CtlSvcGrpc.getStorageFormatMethod(), req, hosts)) {
      if (r.error() != null) {
        errors.add(r.addr(), r.error());
      } else {
        hsm.add(r.addr(), formatted(r.addr(), r.response(), errors));
      }
    }
    JsonObject resp = new JsonObject();
    resp.add("host_errors", errors.toJson());
    resp.add("HostStorage", hsm.toJson());
    String summary = errors.summary();
    return Outcome.of(resp, summary == null ? null : new CommandError(summary), (out, err) -> {
      errors.print(err);
      StoragePrinter.printFormat(out, hsm);
    });
  }

  private static JsonObject formatted(String addr, StorageFormatResp pb, HostErrors errors) {
    JsonArray nvme = new JsonArray();
    for (NvmeControllerResult c : pb.getCretsList()) {
      if (StorageScanCommand.stateOk(addr, c.getState(), errors) && !c.getPciAddr().isEmpty()) {
        nvme.add(StorageJson.controller(io.daos.proto.ctl.NvmeController.newBuilder().setPciAddr(c.getPciAddr())
            .build(), info(c.getState().getInfo())));
      }
    }
    JsonArray mounts = new JsonArray();
    for (ScmMountResult m : pb.getMretsList()) {
      if (StorageScanCommand.stateOk(addr, m.getState(), errors)) {
        mounts.add(StorageJson.mount(io.daos.proto.ctl.ScmNamespace.Mount.newBuilder().setPath(m.getMntpoint())
            .build(), info(m.getState().getInfo())));
      }
    }
    return StorageJson.hostStorage(nvme, new JsonArray(), new JsonArray(), mounts, null);
  }

  private static String info(String info) {
    return info.isEmpty() ? ResponseStatus.CTL_SUCCESS.name() : info;
  }
}
