package io.daos.dmg.command.pool.acl;

import io.daos.dmg.command.BaseCommand;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import io.daos.proto.mgmt.ModifyACLReq;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dmg pool update-acl <pool> (-a <file> | -e <ace>)}: entries are added, or replace a principal's. */
@Command(name = "update-acl", description = "Update entries in a DAOS pool's Access Control List")
public final class PoolUpdateAclCommand extends BaseCommand {
  static final String WHAT = "Pool-update-ACL";

  @Parameters(index = "0", arity = "0..1", paramLabel = "<pool label or UUID>")
  String pool;
  @Option(names = {"-a", "--acl-file"}, description = "Path for new Access Control List file")
  String aclFile;
  @Option(names = {"-e", "--entry"}, description = "Single Access Control Entry to add or update")
  String entry;

  ModifyACLReq request(String sys) {
    String id = AclResponse.poolId(pool);
    boolean hasFile = aclFile != null && !aclFile.isEmpty();
    boolean hasEntry = entry != null && !entry.isEmpty();
    if (hasFile == hasEntry) {
      throw new CommandError("either ACL file or entry parameter is required");
    }
    List<String> aces = hasFile ? AclFile.read(aclFile) : List.of(entry);
    return ModifyACLReq.newBuilder().setSys(sys).setId(id).addAllEntries(aces).build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    ModifyACLReq req = request(client.systemName());
    AclResponse resp = AclResponse.call(client, MgmtSvcGrpc.getPoolUpdateACLMethod(), req, WHAT);
    return Outcome.of(resp.toJson(), null, (out, err) -> PoolOverwriteAclCommand.succeeded(out, WHAT, pool, resp));
  }
}
