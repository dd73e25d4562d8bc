package io.daos.dmg.command.config;

import com.google.gson.JsonObject;
import io.daos.control.auto.ConfGenerate;
import io.daos.control.auto.ConfGenerateReq;
import io.daos.control.auto.GeneratedConfig;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.HostResult;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.HostErrors;
import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.ctl.NetworkScanReq;
import io.daos.proto.ctl.NetworkScanResp;
import io.daos.proto.ctl.NvmeController;
import io.daos.proto.ctl.ScanNvmeReq;
import io.daos.proto.ctl.ScanScmReq;
import io.daos.proto.ctl.ScmNamespace;
import io.daos.proto.ctl.StorageScanReq;
import io.daos.proto.ctl.StorageScanResp;
import io.daos.proto.ctl.SysMemInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dmg config generate} (alias {@code gen}): network and storage scans of the hosts (which must have the
 * same hardware), then a {@code daos_server.yml} for them on stdout (DAOS ConfGenerateRemote). See
 * {@link ConfGenerate} for the jdaos extensions (dir SCM, file bdevs, loopback).
 */
@Command(name = "generate", aliases = "gen",
    description = "Generate DAOS server configuration file based on discoverable hardware devices")
public final class ConfigGenerateCommand extends BaseCommand {
  @Option(names = {"-a", "--access-points"}, description = "DEPRECATED; use ms-replicas instead")
  String accessPoints;
  @Option(names = {"-r", "--ms-replicas"}, defaultValue = "localhost",
      description = "Comma separated list of MS replica addresses <ipv4addr/hostname> to host management service")
  String msReplicas;
  @Option(names = {"-e", "--num-engines"}, description = "Set the number of DAOS Engine sections to be populated in "
      + "the config file output. If unset then the value will be set to the number of NUMA nodes on storage hosts "
      + "in the DAOS system.")
  int nrEngines;
  @Option(names = {"-s", "--scm-only"}, description = "Create a SCM-only config without NVMe SSDs.")
  boolean scmOnly;
  @Option(names = {"-c", "--net-class"}, defaultValue = "infiniband", description = "Set the network device class "
      + "to be used (ethernet, infiniband; jdaos: loopback)")
  String netClass;
  @Option(names = {"-p", "--net-provider"}, description = "Set the network fabric provider to be used")
  String netProvider;
  @Option(names = {"-t", "--use-tmpfs-scm"}, description = "Use tmpfs for scm rather than PMem")
  boolean useTmpfsScm;
  @Option(names = {"-m", "--control-metadata-path"}, description = "External storage path to store control "
      + "metadata. Set this to a persistent location and specify --use-tmpfs-scm to create an MD-on-SSD config")
  String extMetadataPath;
  @Option(names = {"-f", "--fabric-ports"}, description = "Allow custom fabric interface ports to be specified for "
      + "each engine config section. Comma separated port numbers, one per engine")
  String fabricPorts;

  ConfGenerateReq request() {
    String replicas = accessPoints != null && !accessPoints.isEmpty() ? accessPoints : msReplicas;
    List<Integer> ports = new ArrayList<>();
    if (fabricPorts != null) {
      for (String p : fabricPorts.split(",")) {
        if (!p.isBlank()) {
          try {
            ports.add(Integer.parseInt(p.trim()));
          } catch (NumberFormatException e) {
            throw new CommandError("fabric ports: invalid port \"" + p + "\"; give comma separated numbers");
          }
        }
      }
    }
    int cls;
    try {
      cls = ConfGenerateReq.netClass(netClass);
    } catch (IllegalArgumentException e) {
      throw new CommandError(e.getMessage());
    }
    if (nrEngines < 0) {
      throw new CommandError("--num-engines must not be negative");
    }
    return new ConfGenerateReq(nrEngines, cls, netProvider, scmOnly,
        Arrays.stream(replicas.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(), ports, useTmpfsScm,
        extMetadataPath);
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    ConfGenerateReq req = request();
    List<String> hosts = context().hostList();
    NetworkScanResp hf = homogeneous("network", client.invokeHosts(CtlSvcGrpc.getNetworkScanMethod(),
        NetworkScanReq.newBuilder().setProvider("all").build(), hosts), r -> r);
    StorageScanResp hs = homogeneous("storage", client.invokeHosts(CtlSvcGrpc.getStorageScanMethod(),
        StorageScanReq.newBuilder().setNvme(ScanNvmeReq.newBuilder().setBasic(true))
            .setScm(ScanScmReq.getDefaultInstance()).build(), hosts), ConfigGenerateCommand::storageShape);
    GeneratedConfig cfg;
    try {
      cfg = ConfGenerate.generate(req, hf, hs);
    } catch (IllegalArgumentException e) {
      throw new CommandError(e.getMessage());
    }
    JsonObject json = new com.google.gson.GsonBuilder()
        .setFieldNamingPolicy(com.google.gson.FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create().toJsonTree(cfg)
        .getAsJsonObject();
    return Outcome.of(json, null, (out, err) -> out.append(cfg.toYaml()));
  }

  /** The one answer shared by every host; host errors or differing hardware are errors (DAOS getNetworkSet). */
  private static <R> R homogeneous(String what, List<HostResult<R>> results,
      java.util.function.Function<R, Object> shape) {
    HostErrors errors = new HostErrors();
    Map<Object, R> sets = new LinkedHashMap<>();
    Map<Object, List<String>> hostsOf = new LinkedHashMap<>();
    for (HostResult<R> r : results) {
      if (r.error() != null) {
        errors.add(r.addr(), r.error());
        continue;
      }
      Object key = shape.apply(r.response());
      sets.putIfAbsent(key, r.response());
      hostsOf.computeIfAbsent(key, k -> new ArrayList<>()).add(r.addr());
    }
    if (!errors.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      errors.print(sb);
      throw new CommandError(errors.summary(), sb.toString().strip());
    }
    if (sets.isEmpty()) {
      throw new CommandError("no host responses");
    }
    if (sets.size() > 1) {
      throw new CommandError(what + " hardware not consistent across hosts",
          "the following sets of hosts have different " + what + " hardware: " + hostsOf.values());
    }
    return sets.values().iterator().next();
  }

  /** What must match across hosts: devices and their NUMA nodes, not free space or counters. */
  static Object storageShape(StorageScanResp r) {
    StorageScanResp.Builder b = r.toBuilder();
    b.getScmBuilder().clearModules();
    for (ScmNamespace.Builder ns : b.getScmBuilder().getNamespacesBuilderList()) {
      ns.clearUuid().clearSize().getMountBuilder().clearTotalBytes().clearAvailBytes().clearUsableBytes()
          .clearRank();
    }
    for (NvmeController.Builder c : b.getNvmeBuilder().getCtrlrsBuilderList()) {
      c.clearSerial().clearSmdDevices().clearHealthStats().clearFwRev();
      c.getNamespacesBuilderList().forEach(NvmeController.Namespace.Builder::clearSize);
    }
    SysMemInfo m = r.getSysMemInfo();
    b.setSysMemInfo(SysMemInfo.newBuilder().setHugepageSizeKb(m.getHugepageSizeKb()));
    return b.build();
  }

}
