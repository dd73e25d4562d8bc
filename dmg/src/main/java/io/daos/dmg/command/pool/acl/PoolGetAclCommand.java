package io.daos.dmg.command.pool.acl;

import io.daos.dmg.command.BaseCommand;
import io.daos.common.acl.GoFileErrors;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.command.ControlInvoker;
import io.daos.dmg.command.Outcome;
import io.daos.proto.mgmt.GetACLReq;
import io.daos.proto.mgmt.MgmtSvcGrpc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dmg pool get-acl <pool> [-O file [-f]] [-v]}: the pool's ACL, printed or written to a file. */
@Command(name = "get-acl", description = "Get a DAOS pool's Access Control List")
public final class PoolGetAclCommand extends BaseCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "<pool label or UUID>")
  String pool;
  @Option(names = {"-O", "--outfile"}, description = "Output ACL to file")
  String file;
  @Option(names = {"-f", "--force"}, description = "Allow to clobber output file")
  boolean force;
  @Option(names = {"-v", "--verbose"}, description = "Add descriptive comments to ACL entries")
  boolean verbose;

  GetACLReq request(String sys) {
    return GetACLReq.newBuilder().setSys(sys).setId(AclResponse.poolId(pool)).build();
  }

  @Override
  protected Outcome execute(ControlInvoker client) {
    AclResponse resp = AclResponse.call(client, MgmtSvcGrpc.getPoolGetACLMethod(), request(client.systemName()),
        "Pool-get-ACL");
    if (context().json()) {
      return Outcome.of(resp.toJson(), null, null);
    }
    String text = resp.text(verbose);
    if (file == null || file.isEmpty()) {
      return Outcome.of(resp.toJson(), null, (out, err) -> out.append(text));
    }
    write(text);
    return Outcome.of(resp.toJson(), null, (out, err) -> out.append("Wrote ACL to output file: ").append(file)
        .append('\n'));
  }

  /** Writes the ACL text; an existing file is kept unless --force, as DAOS. */
  void write(String text) {
    Path p = Path.of(file);
    if (!force && Files.exists(p)) {
      throw new CommandError("file already exists: " + file);
    }
    try {
      Files.writeString(p, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new CommandError(GoFileErrors.text("open", file, e));
    }
  }
}
