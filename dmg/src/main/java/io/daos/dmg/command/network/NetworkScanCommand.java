package io.daos.dmg.command.network;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.daos.common.hostlist.HostSet;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.HostResult;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.HostErrors;
import io.daos.dmg.output.network.NetworkPrinter;
import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.ctl.FabricInterface;
import io.daos.proto.ctl.NetworkScanReq;
import io.daos.proto.ctl.NetworkScanResp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dmg network scan}: fabric interfaces of every host, hosts with identical fabric grouped. */
@Command(name = "scan", description = "Scan for network interface devices on remote servers")
public final class NetworkScanCommand extends BaseCommand {
  @Option(names = {"-p", "--provider"}, description = "Filter device list to those that support the given OFI "
      + "provider or 'all' for all available (default is the provider specified in daos_server.yml)")
  String provider;

  NetworkScanReq request() {
    return NetworkScanReq.newBuilder().setProvider(provider == null ? "" : provider).build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    HostErrors errors = new HostErrors();
    Map<String, JsonObject> fabrics = new LinkedHashMap<>();
    Map<String, HostSet> hosts = new LinkedHashMap<>();
    for (HostResult<NetworkScanResp> r : client.invokeHosts(CtlSvcGrpc.getNetworkScanMethod(), request(),
        context().hostList())) {
      if (r.error() != null) {
        errors.add(r.addr(), r.error());
        continue;
      }
      JsonObject hf = hostFabric(r.response());
      String key = Long.toUnsignedString(hash(hf));
      fabrics.putIfAbsent(key, hf);
      hosts.merge(key, HostSet.parse(r.addr()), HostSet::union);
    }
    JsonObject resp = new JsonObject();
    resp.add("host_errors", errors.toJson());
    JsonObject hfm = new JsonObject();
    hosts.entrySet().stream().sorted(Map.Entry.comparingByValue(java.util.Comparator.comparing(HostSet::toString)))
        .forEach(e -> {
          JsonObject set = new JsonObject();
          set.add("HostFabric", fabrics.get(e.getKey()));
          set.addProperty("HostSet", e.getValue().toString());
          hfm.add(e.getKey(), set);
        });
    resp.add("HostFabrics", hfm);
    String summary = errors.summary();
    return Outcome.of(resp, summary == null ? null : new CommandError(summary), (out, err) -> {
      errors.print(err);
      NetworkPrinter.print(out, hfm);
    });
  }

  static JsonObject hostFabric(NetworkScanResp pb) {
    JsonArray ifaces = new JsonArray();
    TreeSet<String> providers = new TreeSet<>();
    for (FabricInterface fi : pb.getInterfacesList()) {
      JsonObject o = new JsonObject();
      o.addProperty("Provider", fi.getProvider());
      o.addProperty("Device", fi.getDevice());
      o.addProperty("NumaNode", fi.getNumanode());
      o.addProperty("Priority", fi.getPriority());
      o.addProperty("NetDevClass", fi.getNetdevclass());
      ifaces.add(o);
      providers.add(fi.getProvider());
    }
    JsonObject hf = new JsonObject();
    hf.add("Interfaces", ifaces);
    JsonArray provs = new JsonArray();
    providers.forEach(provs::add);
    hf.add("Providers", provs);
    hf.addProperty("NumaCount", pb.getNumacount());
    hf.addProperty("CoresPerNuma", pb.getCorespernuma());
    return hf;
  }

  private static long hash(JsonObject o) {
    long h = 0xcbf29ce484222325L;
    for (byte b : o.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
