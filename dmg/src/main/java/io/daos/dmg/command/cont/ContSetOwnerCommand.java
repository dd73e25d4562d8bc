package io.daos.dmg.command.cont;

import io.daos.common.acl.AclPrincipal;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.mgmt.ContSetOwnerReq;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dmg container set-owner <pool> <container> [-u user] [-g group]} (DAOS {@code ContSetOwnerCmd}): the MS's
 * ContSetOwner, which has the pool service set the container's owner without opening it. Names without '@' get
 * one ({@code ui.ACLPrincipalFlag}); prints "Container-set-owner command SUCCEEDED" or "... FAILED: cause".
 */
@Command(name = "set-owner", description = "Change the owner for a DAOS container")
public final class ContSetOwnerCommand extends BaseCommand {
  static final String WHAT = "Container-set-owner command";

  @Parameters(index = "0", arity = "0..1", paramLabel = "<pool label or UUID>")
  String pool;
  @Parameters(index = "1", arity = "0..1", paramLabel = "<container label or UUID>")
  String cont;
  @Option(names = {"-g", "--group"}, description = "New owner-group for the container, format name@domain")
  String group;
  @Option(names = {"-u", "--user"}, description = "New owner-user for the container, format name@domain")
  String user;

  ContSetOwnerReq request(String sys) {
    if (pool == null || pool.isEmpty()) {
      throw new CommandError("the required argument `<pool label or UUID>` was not provided");
    }
    if (cont == null || cont.isEmpty()) {
      throw new CommandError("the required argument `<container label or UUID>` was not provided");
    }
    String u = principal(user);
    String g = principal(group);
    if (u.isEmpty() && g.isEmpty()) {
      throw new CommandError("at least one of `--user' or `--group' must be supplied");
    }
    return ContSetOwnerReq.newBuilder().setSys(sys).setPoolId(pool).setContId(cont).setOwnerUser(u)
        .setOwnerGroup(g).build();
  }

  /** {@code ui.ACLPrincipalFlag}: "name" becomes "name@"; anything that is then not name@[domain] is refused. */
  private static String principal(String name) {
    if (name == null || name.isEmpty()) {
      return "";
    }
    String p = name.contains("@") ? name : name + "@";
    if (!AclPrincipal.isValidName(p)) {
      throw new CommandError("invalid ACL principal \"" + name + "\": use name@[domain]");
    }
    return p;
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    ContSetOwnerReq req = request(client.systemName());
    RuntimeException err = null;
    try {
      DaosResp resp = client.invokeMs(MgmtSvcGrpc.getContSetOwnerMethod(), req);
      if (resp.getStatus() != 0) {
        err = new CommandError("container set-owner failed",
            new DaosException(DaosStatus.fromCode(resp.getStatus())));
      }
    } catch (RuntimeException e) {
      err = new CommandError("container set-owner failed", e);
    }
    String msg = err == null ? "SUCCEEDED" : "FAILED: " + err.getMessage();
    return Outcome.of(null, err, (out, e) -> out.append(WHAT).append(' ').append(msg).append("\n\n"));
  }
}
