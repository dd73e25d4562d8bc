package io.daos.dmg.command.check;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.dmg.output.check.CheckPolicyView;
import io.daos.proto.chk.CheckInconsistAction;
import io.daos.proto.chk.CheckInconsistClass;
import io.daos.proto.mgmt.CheckGetPolicyReq;
import io.daos.proto.mgmt.CheckGetPolicyResp;
import io.daos.proto.mgmt.CheckInconsistPolicy;
import io.daos.proto.mgmt.CheckSetPolicyReq;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dmg check set-policy|get-policy}: the repair action per inconsistency class. */
final class CheckPolicyCommands {
  private CheckPolicyCommands() {
  }

  @Command(name = "set-policy", description = "Set system checker policies")
  public static final class Set extends BaseCommand {
    /** {@code -d} is dmg's global --debug before the subcommand: see {@code Dmg.shadowGlobalFlags}. */
    @Option(names = "--reset-defaults", description = "Set all policies to their default action (-d after the "
        + "subcommand).")
    boolean resetDefaults;
    @Option(names = {"-a", "--all-interactive"}, description = "Set all policies to interactive.")
    boolean allInteractive;
    @Parameters(paramLabel = "CLASS:ACTION[,CLASS:ACTION...]", arity = "0..1",
        description = "Repair policies (required unless --all-interactive is specified)")
    String policies;

    @Override
    protected Outcome execute(ControlInvoker client) {
      List<CheckInconsistPolicy> pols = CheckNames.policies(policies);
      if (pols.isEmpty() && !(allInteractive || resetDefaults)) {
        throw new CommandError("no policies specified");
      }
      if (!pols.isEmpty() && (allInteractive || resetDefaults)) {
        throw new CommandError("cannot specify policy list and AllInteractive or ResetToDefaults");
      }
      if (allInteractive || resetDefaults) {
        CheckInconsistAction act = resetDefaults ? CheckInconsistAction.CIA_DEFAULT
            : CheckInconsistAction.CIA_INTERACT;
        pols = new ArrayList<>();
        for (CheckInconsistClass c : CheckNames.allClasses()) {
          pols.add(CheckInconsistPolicy.newBuilder().setInconsistCas(c).setInconsistAct(act).build());
        }
      }
      client.invokeMs(MgmtSvcGrpc.getSystemCheckSetPolicyMethod(),
          CheckSetPolicyReq.newBuilder().setSys(client.systemName()).addAllPolicies(pols).build());
      return CheckModeCommands.info("system checker policies updated");
    }
  }

  @Command(name = "get-policy", description = "Get system checker policies")
  public static final class Get extends BaseCommand {
    @Option(names = {"-L", "--last"}, description = "Fetch the last policy used by the checker.")
    boolean lastUsed;
    @Parameters(paramLabel = "CLASS[,CLASS...]", arity = "0..1", description = "Inconsistency class names")
    String classes;

    @Override
    protected Outcome execute(ControlInvoker client) {
      CheckGetPolicyReq.Builder req = CheckGetPolicyReq.newBuilder().setSys(client.systemName())
          .setLastUsed(lastUsed);
      if (classes != null && !classes.isBlank()) {
        for (String c : classes.split(",")) {
          req.addClasses(CheckNames.checkClass(c));
        }
      }
      CheckGetPolicyResp pb = client.invokeMs(MgmtSvcGrpc.getSystemCheckGetPolicyMethod(), req.build());
      CheckPolicyView v = CheckPolicyView.of(pb);
      return Outcome.of(v, null, (out, err) -> out.append(v.text()));
    }
  }
}
