package io.daos.dmg.command.pool.acl;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.mgmt.DeleteACLReq;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dmg pool delete-acl <pool> -p <principal>}: removes one principal's entry. Principals as DAOS writes
 * them: {@code OWNER@}, {@code GROUP@}, {@code EVERYONE@}, {@code u:name@} (user), {@code g:name@} (group).
 */
@Command(name = "delete-acl", description = "Delete an entry from a DAOS pool's Access Control List")
public final class PoolDeleteAclCommand extends BaseCommand {
  static final String WHAT = "Pool-delete-ACL";

  @Parameters(index = "0", arity = "0..1", paramLabel = "<pool label or UUID>")
  String pool;
  @Option(names = {"-p", "--principal"}, required = true, description = "Principal whose entry should be removed")
  String principal;

  DeleteACLReq request(String sys) {
    String id = AclResponse.poolId(pool);
    if (principal == null || principal.isEmpty()) {
      throw new CommandError(WHAT + " command failed: no principal provided");
    }
    return DeleteACLReq.newBuilder().setSys(sys).setId(id).setPrincipal(principal).build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    DeleteACLReq req = request(client.systemName());
    AclResponse resp = AclResponse.call(client, MgmtSvcGrpc.getPoolDeleteACLMethod(), req, WHAT);
    return Outcome.of(resp.toJson(), null, (out, err) -> PoolOverwriteAclCommand.succeeded(out, WHAT, pool, resp));
  }
}
