package io.daos.dmg.command.check;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.chk.CheckInconsistAction;
import io.daos.proto.chk.CheckInconsistClass;
import io.daos.proto.chk.CheckReport;
import io.daos.proto.chk.Fault;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dmg faults} (hidden, DAOS {@code cmd/dmg/fi.go}): inject checker findings and pool inconsistencies. The
 * servers answer only when started with fault injection on ({@code DAOS_FAULT_INJECTION=1}).
 */
@Command(name = "faults", hidden = true, description = "Inject system fault",
    subcommands = {FaultsCommand.AddCheckerReport.class, FaultsCommand.MgmtSvc.class, FaultsCommand.PoolSvc.class})
public final class FaultsCommand {

  @Command(name = "add-checker-report", description = "Add a system checker report")
  public static final class AddCheckerReport extends BaseCommand {
    @Option(names = {"-c", "--class"}, description = "Checker report class (canned reports)")
    String cls;

    @Override
    protected Outcome execute(ControlInvoker client) {
      if (cls == null) {
        throw new CommandError("add checker finding: class must be set");
      }
      CheckInconsistClass c = CheckNames.checkClass(cls);
      if (c != CheckInconsistClass.CIC_POOL_BAD_LABEL) {
        throw new CommandError("add checker finding: no canned report for class: " + c.name());
      }
      CheckReport rpt = CheckReport.newBuilder().setSeq(ThreadLocalRandom.current().nextLong() >>> 1).setClass_(c)
          .setAction(CheckInconsistAction.CIA_INTERACT).setPoolUuid(UUID.randomUUID().toString())
          .addAllActChoices(List.of(CheckInconsistAction.CIA_TRUST_MS, CheckInconsistAction.CIA_TRUST_PS,
              CheckInconsistAction.CIA_IGNORE))
          .addAllActDetails(List.of("ms-label", "ps-label", "")).build();
      client.invokeMs(MgmtSvcGrpc.getFaultInjectReportMethod(), rpt);
      return CheckModeCommands.info("Checker report added");
    }
  }

  /** The pool fault arguments DAOS's poolFaultCmd takes. */
  abstract static class PoolFault extends BaseCommand {
    @Option(names = {"-s", "--svcl"}, description = "List of pool service ranks")
    String svcl;
    /** {@code -l} is dmg's global host list before the subcommand: see {@code Dmg.shadowGlobalFlags}. */
    @Option(names = "--label", description = "Pool service label (-l after the subcommand)")
    String label;
    @Parameters(index = "0", paramLabel = "pool", description = "pool label or UUID")
    String pool;
    @Parameters(index = "1", paramLabel = "class", description = "Checker report class")
    String cls;

    Fault fault() {
      if (label != null && label.length() == 36 && label.matches("[0-9a-fA-F-]{36}")) {
        throw new CommandError("invalid label: UUID is not a valid input");
      }
      Fault.Builder f = Fault.newBuilder().setClass_(CheckNames.checkClass(cls)).addStrings(pool)
          .addStrings(label == null ? "" : label);
      if (svcl != null && !svcl.isBlank()) {
        io.daos.common.ranklist.RankSet.parse(svcl).ints().forEach(f::addUints);
      }
      return f.build();
    }
  }

  @Command(name = "mgmt-svc", aliases = "ms", description = "Inject management service fault",
      subcommands = MgmtSvcPool.class)
  public static final class MgmtSvc {
  }

  @Command(name = "pool", description = "Modify a pool service entry in the MS DB")
  public static final class MgmtSvcPool extends PoolFault {
    @Override
    protected Outcome execute(ControlInvoker client) {
      client.invokeMs(MgmtSvcGrpc.getFaultInjectMgmtPoolFaultMethod(), fault());
      return CheckModeCommands.info("Mgmt service fault injected");
    }
  }

  @Command(name = "pool-svc", aliases = "ps", description = "Inject pool service fault")
  public static final class PoolSvc extends PoolFault {
    @Override
    protected Outcome execute(ControlInvoker client) {
      client.invokeMs(MgmtSvcGrpc.getFaultInjectPoolFaultMethod(), fault());
      return CheckModeCommands.info("Pool service fault injected");
    }
  }
}
