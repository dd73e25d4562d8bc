package io.daos.tool.cont;

import io.daos.client.Snapshot;
import io.daos.tool.command.CommandContext;
import io.daos.tool.command.ContArgs;
import io.daos.tool.command.Outcome;
import io.daos.tool.output.CliError;
import io.daos.tool.output.cont.SnapshotPrinter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code daos container create-snap | list-snap | destroy-snap} (DAOS's snapshot.go). */
final class SnapshotCommands {
  private SnapshotCommands() {
  }

  @Command(name = "create-snap", aliases = "snap", description = "create container snapshot")
  static final class Create extends ContArgs {
    @Option(names = {"-s", "--snap"}, description = "snapshot name")
    String name;

    @Override
    protected Outcome execute(CommandContext ctx) {
      try (Handles h = open(ctx, COO_RW)) {
        long epoch;
        try {
          epoch = h.cont().createSnapshot(name == null ? "" : name);
        } catch (RuntimeException e) {
          throw CliError.wrap("failed to create snapshot of container " + cont, e);
        }
        return Outcome.of(SnapshotPrinter.json(epoch, name, ctx.zone()), SnapshotPrinter.created(epoch, ctx.zone()));
      }
    }
  }

  @Command(name = "list-snap", aliases = "list-snaps", description = "list container snapshots")
  static final class ListSnaps extends ContArgs {
    @Override
    protected Outcome execute(CommandContext ctx) {
      try (Handles h = open(ctx, COO_RO)) {
        List<Snapshot> snaps = list(h, cont);
        return Outcome.of(SnapshotPrinter.listJson(snaps, ctx.zone()), SnapshotPrinter.list(snaps, ctx.zone()));
      }
    }
  }

  static List<Snapshot> list(ContArgs.Handles h, String cont) {
    try {
      return h.cont().listSnapshots();
    } catch (RuntimeException e) {
      throw CliError.wrap("failed to list snapshots for container " + cont, e);
    }
  }

  @Command(name = "destroy-snap", description = "destroy container snapshot")
  static final class Destroy extends ContArgs {
    @Option(names = {"-e", "--epc"}, description = "snapshot epoch to delete")
    String epoch;
    @Option(names = {"-r", "--epcrange"}, description = "range of snapshot epochs to delete")
    String range;
    @Option(names = {"-s", "--snap"}, description = "snapshot name")
    String name;

    @Override
    protected Outcome execute(CommandContext ctx) {
      long[] epr = epochRange();
      try (Handles h = open(ctx, COO_RW)) {
        long[] r = epr != null ? epr : byName(h);
        try {
          if (r[0] == r[1]) {
            h.cont().destroySnapshot(r[0]);
          } else {
            destroyRange(h, r);
          }
        } catch (RuntimeException e) {
          throw CliError.wrap("failed to destroy snapshots of container " + cont, e);
        }
      }
      return Outcome.text("");
    }

    /** {@code daos_cont_destroy_snap} of a range: every snapshot with lo <= epoch <= hi. */
    private static void destroyRange(Handles h, long[] r) {
      for (Snapshot s : h.cont().listSnapshots()) {
        if (Long.compareUnsigned(s.epoch(), r[0]) >= 0 && Long.compareUnsigned(s.epoch(), r[1]) <= 0) {
          h.cont().destroySnapshot(s.epoch());
        }
      }
    }

    /** The epoch range from -e or -r; null when -s names the snapshot. */
    private long[] epochRange() {
      int given = (epoch != null ? 1 : 0) + (range != null ? 1 : 0) + (name != null ? 1 : 0);
      if (given == 0) {
        throw CliError.of("must specify one of snapshot name or epoch or epoch range");
      }
      if (given > 1) {
        throw CliError.of(name != null ? "cannot specify both snapshot name and "
            + (range != null ? "epoch range" : "epoch") : "cannot specify both snapshot epoch and epoch range");
      }
      if (epoch != null) {
        long e = Epochs.parse(epoch);
        return new long[] {e, e};
      }
      return range != null ? Epochs.parseRange(range) : null;
    }

    private long[] byName(Handles h) {
      for (Snapshot s : list(h, cont)) {
        if (s.name().equals(name)) {
          return new long[] {s.epoch(), s.epoch()};
        }
      }
      throw CliError.of("snapshot \"" + name + "\" not found");
    }
  }
}
