package io.daos.dmg.command.pool;

import io.daos.common.ByteSize;
import io.daos.control.RetryPolicy;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.RankRanges;
import io.daos.dmg.output.pool.PoolCreateResponse;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.PoolCreateReq;
import io.daos.proto.mgmt.PoolCreateResp;
import io.daos.proto.mgmt.PoolProperty;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dmg pool create}: the client picks the UUID, sizes go to the MS as total+ratio or tier bytes. */
@Command(name = "create", description = "Create a DAOS pool")
public final class PoolCreateCommand extends BaseCommand {
  /** DAOS PoolCreate: the pool request retry test, with PoolCreateTimeout. */
  static final RetryPolicy CREATE_RETRY = RetryPolicy.POOL.withTimeout(RetryPolicy.POOL_CREATE_TIMEOUT);
  static final String FAILED = "pool create failed";
  static final String INCOMPAT_OPTS = "unsupported option combination, use (--scm-size and --nvme-size) or "
      + "(--meta-size and --data-size) or (--size)";

  @Parameters(index = "0", arity = "0..1", paramLabel = "label")
  String label;
  @Option(names = {"-z", "--size"}, description = "Total size of DAOS pool or its percentage ratio")
  String size;
  @Option(names = {"-s", "--scm-size"}, description = "Per-engine SCM allocation for DAOS pool")
  String scmSize;
  @Option(names = {"-n", "--nvme-size"}, description = "Per-engine NVMe allocation for DAOS pool")
  String nvmeSize;
  @Option(names = {"-t", "--tier-ratio"}, description = "Percentage of storage tiers for pool storage")
  String tierRatio;
  @Option(names = {"-k", "--nranks"}, description = "Number of ranks to use")
  int nranks;
  @Option(names = {"-v", "--nsvc"}, description = "Number of pool service replicas")
  int nsvc;
  @Option(names = {"-r", "--ranks"}, description = "Storage engine unique identifiers (ranks) for DAOS pool")
  String ranks;
  @Option(names = {"-P", "--properties"}, description = "Pool properties to be set")
  String properties;
  @Option(names = {"-u", "--user"}, description = "Pool owner user")
  String user;
  @Option(names = {"-g", "--group"}, description = "Pool owner group")
  String group;

  PoolCreateReq request(String sys) {
    if (label == null || label.isEmpty()) {
      throw new CommandError("pool label is required");
    }
    if (!PoolLabels.isValid(label)) {
      throw new CommandError("invalid label \"" + label + "\"");
    }
    PoolCreateReq.Builder b = PoolCreateReq.newBuilder().setUuid(UUID.randomUUID().toString()).setSys(sys)
        .setUser(owner(user, System.getProperty("user.name"))).setUserGroup(owner(group, defaultGroup()))
        .addProperties(PoolProperty.newBuilder().setNumber(1).setStrval(label))
        .setNumSvcReps(nsvc).setNumRanks(nranks);
    if (properties != null) {
      for (PoolProperty p : PoolPropFlags.parseSet(properties)) {
        if (p.getNumber() == 1) {
          throw new CommandError("can't set label property with label argument");
        }
        b.addProperties(p);
      }
    }
    if (ranks != null && !ranks.isBlank()) {
      RankRanges.parse(ranks).forEach(r -> b.addRanks(r.intValue()));
    }
    sizes(b);
    return b.build();
  }

  private void sizes(PoolCreateReq.Builder b) {
    boolean hasSize = size != null;
    boolean hasTiers = scmSize != null || nvmeSize != null;
    if (hasSize == hasTiers) {
      throw new CommandError(INCOMPAT_OPTS);
    }
    if (hasSize) {
      PoolSizeFlag flag = PoolSizeFlag.parse(size);
      if (flag.isRatio()) {
        checkRatioFlags();
        return;
      }
      if (nranks > 0 && ranks != null && !ranks.isBlank()) {
        throw new CommandError("--nranks may not be mixed with --ranks");
      }
      double[] ratio = ratio();
      b.setTotalBytes(flag.bytes()).addTierRatio(ratio[0]).addTierRatio(ratio[1]);
      return;
    }
    if (nranks > 0) {
      throw new CommandError("--nranks may not be mixed with --scm-size");
    }
    if (tierRatio != null) {
      throw new CommandError("--tier-ratio may not be mixed with --scm-size");
    }
    if (scmSize == null) {
      throw new CommandError("--nvme-size cannot be set without --scm-size");
    }
    b.addTierBytes(parse(scmSize, "--scm-size")).addTierBytes(nvmeSize == null ? 0 : parse(nvmeSize, "--nvme-size"));
  }

  private void checkRatioFlags() {
    if (nranks > 0) {
      throw new CommandError("--size=% may not be mixed with --nranks");
    }
    if (tierRatio != null) {
      throw new CommandError("--size=% may not be mixed with --tier-ratio");
    }
  }

  /** The -z percentage, or 0 when -z is a size or absent. */
  int sizeRatio() {
    return size == null ? 0 : PoolSizeFlag.parse(size).ratio();
  }

  private double[] ratio() {
    if (tierRatio == null) {
      return new double[] {0.06, 0.94};
    }
    String[] parts = tierRatio.split(",");
    try {
      double scm = Double.parseDouble(parts[0].replace("%", "").trim()) / 100;
      double nvme = parts.length > 1 ? Double.parseDouble(parts[1].replace("%", "").trim()) / 100 : 1 - scm;
      if (scm < 0 || nvme < 0 || Math.abs(scm + nvme - 1) > 1e-6) {
        throw new CommandError("sum of tier ratios must be 100%, got \"" + tierRatio + "\"");
      }
      return new double[] {scm, nvme};
    } catch (NumberFormatException e) {
      throw new CommandError("invalid tier ratio \"" + tierRatio + "\"");
    }
  }

  private static long parse(String text, String flag) {
    try {
      return ByteSize.parse(text).bytes();
    } catch (RuntimeException e) {
      throw new CommandError("failed to parse " + flag + " \"" + text + "\": " + e.getMessage());
    }
  }

  private static String owner(String given, String dflt) {
    String s = given == null || given.isEmpty() ? dflt : given;
    return s.endsWith("@") ? s : s + "@";
  }

  private static String defaultGroup() {
    String g = System.getenv("GROUP");
    return g == null || g.isEmpty() ? System.getProperty("user.name") : g;
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    PoolCreateReq built = call(() -> request(client.systemName()));
    int pct = sizeRatio();
    PoolCreateReq req = pct > 0 ? PoolAutoSize.apply(client, context().hostList(), built, pct) : built;
    PoolCreateResp pb = call(() -> client.invokeMs(MgmtSvcGrpc.getPoolCreateMethod(), req, CREATE_RETRY));
    if (pb.getStatus() != 0) {
      throw new CommandError(FAILED, new io.daos.common.status.DaosException(
          io.daos.common.status.DaosStatus.fromCode(pb.getStatus())));
    }
    PoolCreateResponse resp = new PoolCreateResponse(req.getUuid(), pb.getSvcLdr(), longs(pb.getSvcRepsList()),
        longs(pb.getTgtRanksList()), pb.getTierBytesList(), pb.getMemFileBytes(), pb.getMdOnSsdActive());
    return Outcome.of(resp, null, (out, err) -> {
      if (pct > 0) {
        out.append("Creating DAOS pool with ").append(pct).append("% of all storage\n");
      }
      print(out, resp);
    });
  }

  static void print(StringBuilder out, PoolCreateResponse r) {
    long perRank = r.tierBytes().stream().mapToLong(Long::longValue).sum();
    int n = r.tgtRanks().size();
    String[] pct = new String[r.tierBytes().size()];
    for (int i = 0; i < pct.length; i++) {
      pct[i] = String.format(Locale.ROOT, "%.2f%%", perRank == 0 ? 0 : 100.0 * r.tierBytes().get(i) / perRank);
    }
    String title = "Pool created with " + String.join(",", pct) + " storage tier ratio";
    out.append(title).append('\n').append("-".repeat(title.length())).append('\n');
    row(out, "UUID", r.uuid());
    row(out, "Service Leader", Long.toString(r.svcLdr()));
    row(out, "Service Ranks", RankRanges.ranged(r.svcReps()));
    row(out, "Storage Ranks", RankRanges.ranged(r.tgtRanks()));
    row(out, "Total Size", si(perRank * n));
    String[] names = {"Storage tier 0 (SCM)", "Storage tier 1 (NVMe)"};
    for (int i = 0; i < Math.min(2, r.tierBytes().size()); i++) {
      long t = r.tierBytes().get(i);
      row(out, names[i], si(t * n) + " (" + si(t) + " / rank)");
    }
  }

  private static void row(StringBuilder out, String k, String v) {
    out.append(String.format(Locale.ROOT, "  %-21s: %s%n", k, v));
  }

  private static String si(long b) {
    return ByteSize.ofBytes(b).toSiString();
  }

  static List<Long> longs(List<Integer> in) {
    return in.stream().map(i -> Integer.toUnsignedLong(i)).toList();
  }

  static <T> T call(java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (CommandError e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CommandError(FAILED, e);
    }
  }
}
