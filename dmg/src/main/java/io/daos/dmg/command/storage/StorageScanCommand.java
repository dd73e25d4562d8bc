package io.daos.dmg.command.storage;

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
import io.daos.proto.ctl.ResponseState;
import io.daos.proto.ctl.ResponseStatus;
import io.daos.proto.ctl.ScanNvmeReq;
import io.daos.proto.ctl.ScanScmReq;
import io.daos.proto.ctl.StorageScanReq;
import io.daos.proto.ctl.StorageScanResp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dmg storage scan}: SCM and NVMe inventory of every host, hosts with identical storage grouped. */
@Command(name = "scan", description = "Scan SCM and NVMe storage attached to remote servers.")
public final class StorageScanCommand extends BaseCommand {
  @Option(names = {"-v", "--verbose"}, description = "List SCM & NVMe device details")
  boolean verbose;
  @Option(names = {"-n", "--nvme-health"}, description = "Display NVMe device health statistics")
  boolean nvmeHealth;

  /** As DAOS: details are stripped unless verbose or health is asked for. */
  StorageScanReq request() {
    if (verbose && nvmeHealth) {
      throw new CommandError("cannot use --verbose with --nvme-health");
    }
    return StorageScanReq.newBuilder().setScm(ScanScmReq.newBuilder().setUsage(false))
        .setNvme(ScanNvmeReq.newBuilder().setBasic(!(verbose || nvmeHealth)).setHealth(nvmeHealth)
            .setLinkStats(nvmeHealth))
        .build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    return scan(client, request(), context().hostList(),
        (out, err, hsm) -> StoragePrinter.printScan(out, hsm, verbose));
  }

  /** How a scan's host storage is shown (after the host errors). */
  @FunctionalInterface
  interface ScanPrinter {
    void print(StringBuilder out, StringBuilder err, HostStorageMap hsm);
  }

  /** StorageScan to {@code hosts}: JSON {@code {"host_errors", "HostStorage"}}, DAOS's StorageScanResp. */
  static Outcome scan(ControlInvoker client, StorageScanReq req, java.util.List<String> hosts, ScanPrinter p) {
    HostErrors errors = new HostErrors();
    HostStorageMap hsm = new HostStorageMap();
    for (HostResult<StorageScanResp> r : client.invokeHosts(CtlSvcGrpc.getStorageScanMethod(), req, hosts)) {
      if (r.error() != null) {
        errors.add(r.addr(), r.error());
      } else {
        add(r.addr(), r.response(), errors, hsm);
      }
    }
    JsonObject resp = new JsonObject();
    resp.add("host_errors", errors.toJson());
    resp.add("HostStorage", hsm.toJson());
    String summary = errors.summary();
    return Outcome.of(resp, summary == null ? null : new CommandError(summary), (out, err) -> {
      errors.print(err);
      p.print(out, err, hsm);
    });
  }

  private static void add(String addr, StorageScanResp pb, HostErrors errors, HostStorageMap hsm) {
    boolean nvmeOk = stateOk(addr, pb.getNvme().getState(), errors);
    boolean scmOk = stateOk(addr, pb.getScm().getState(), errors);
    hsm.add(addr, StorageJson.hostStorage(
        StorageJson.controllers(nvmeOk ? pb.getNvme().getCtrlrsList() : java.util.List.of()),
        StorageJson.modules(scmOk ? pb.getScm().getModulesList() : java.util.List.of()),
        StorageJson.namespaces(scmOk ? pb.getScm().getNamespacesList() : java.util.List.of()),
        new com.google.gson.JsonArray(), pb.hasSysMemInfo() ? pb.getSysMemInfo() : null));
  }

  static boolean stateOk(String addr, ResponseState st, HostErrors errors) {
    if (st.getStatus() == ResponseStatus.CTL_SUCCESS) {
      return true;
    }
    String msg = st.getError().isEmpty() ? "unknown error" : st.getError();
    if (!st.getInfo().isEmpty()) {
      msg += " (" + st.getInfo() + ")";
    }
    errors.add(addr, new CommandError(msg));
    return false;
  }
}
