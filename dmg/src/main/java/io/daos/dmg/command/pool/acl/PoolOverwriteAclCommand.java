package io.daos.dmg.command.pool.acl;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.ModifyACLReq;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dmg pool overwrite-acl <pool> -a <file>}: the pool's ACL becomes the file's entries. */
@Command(name = "overwrite-acl", description = "Overwrite a DAOS pool's Access Control List")
public final class PoolOverwriteAclCommand extends BaseCommand {
  static final String WHAT = "Pool-overwrite-ACL";

  @Parameters(index = "0", arity = "0..1", paramLabel = "<pool label or UUID>")
  String pool;
  @Option(names = {"-a", "--acl-file"}, required = true, description = "Path for new Access Control List file")
  String aclFile;

  ModifyACLReq request(String sys) {
    String id = AclResponse.poolId(pool);
    return ModifyACLReq.newBuilder().setSys(sys).setId(id).addAllEntries(AclFile.read(aclFile)).build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    ModifyACLReq req = request(client.systemName());
    AclResponse resp = AclResponse.call(client, MgmtSvcGrpc.getPoolOverwriteACLMethod(), req, WHAT);
    return Outcome.of(resp.toJson(), null, (out, err) -> succeeded(out, WHAT, pool, resp));
  }

  static void succeeded(StringBuilder out, String what, String pool, AclResponse resp) {
    out.append(what).append(" command succeeded, ID: ").append(pool).append('\n').append(resp.text(false));
  }
}
