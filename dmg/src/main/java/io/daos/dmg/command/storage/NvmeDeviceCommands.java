package io.daos.dmg.command.storage;

import com.google.gson.JsonObject;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.HostResult;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.HostErrors;
import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.ctl.NvmeAddDeviceReq;
import io.daos.proto.ctl.NvmeAddDeviceResp;
import io.daos.proto.ctl.NvmeRebindReq;
import io.daos.proto.ctl.NvmeRebindResp;
import io.daos.proto.ctl.ResponseState;
import io.grpc.MethodDescriptor;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dmg storage nvme-rebind} and {@code nvme-add-device}: one host, by NVMe PCI address. */
public final class NvmeDeviceCommands {
  private NvmeDeviceCommands() {
  }

  /** Sends to the single host; a response state that failed is that host's error. JSON {@code {"host_errors"}}. */
  static <Q, R> Outcome single(ControlInvoker client, MethodDescriptor<Q, R> m, Q req,
      List<String> hosts, Function<R, ResponseState> state) {
    if (hosts.size() > 1) {
      throw new CommandError("command expects a single host in hostlist");
    }
    HostErrors errors = new HostErrors();
    for (HostResult<R> r : client.invokeHosts(m, req, hosts)) {
      if (r.error() != null) {
        errors.add(r.addr(), r.error());
      } else {
        ResponseState st = state.apply(r.response());
        if (st.getStatusValue() != 0 || !st.getError().isEmpty()) {
          errors.add(r.addr(), new CommandError(st.getError()));
        }
      }
    }
    JsonObject resp = new JsonObject();
    resp.add("host_errors", errors.toJson());
    String summary = errors.summary();
    return Outcome.of(resp, summary == null ? null : new CommandError(summary), (out, err) -> {
      if (errors.isEmpty()) {
        out.append("Command completed successfully\n");
      } else {
        errors.print(err);
      }
    });
  }

  @Command(name = "nvme-rebind",
      description = "Detach NVMe SSD from kernel driver and rebind to userspace driver for use with DAOS.")
  public static final class Rebind extends BaseCommand {
    @Option(names = {"-a", "--pci-address"}, required = true, description = "NVMe SSD PCI address to rebind.")
    String pciAddr;

    @Override
    protected Outcome execute(ControlInvoker client) {
      return single(client, CtlSvcGrpc.getStorageNvmeRebindMethod(),
          NvmeRebindReq.newBuilder().setPciAddr(pciAddr).build(), context().hostList(), NvmeRebindResp::getState);
    }
  }

  @Command(name = "nvme-add-device", description = "Add a hot-inserted NVMe SSD to a specific engine configuration "
      + "to enable the new device to be used.")
  public static final class AddDevice extends BaseCommand {
    @Option(names = {"-a", "--pci-address"}, required = true, description = "NVMe SSD PCI address to add.")
    String pciAddr;
    @Option(names = {"-e", "--engine-index"}, required = true,
        description = "Index of DAOS engine to add NVMe device to.")
    int engineIndex;
    @Option(names = {"-t", "--tier-index"}, defaultValue = "-1",
        description = "Index of storage tier on DAOS engine to add NVMe device to.")
    int tierIndex;

    @Override
    protected Outcome execute(ControlInvoker client) {
      return single(client, CtlSvcGrpc.getStorageNvmeAddDeviceMethod(), NvmeAddDeviceReq.newBuilder()
          .setPciAddr(pciAddr).setEngineIndex(engineIndex).setStorageTierIndex(tierIndex).build(),
          context().hostList(), NvmeAddDeviceResp::getState);
    }
  }
}
