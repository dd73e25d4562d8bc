package io.daos.tool.cont;

import io.daos.client.cont.PropType;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.tool.command.CommandContext;
import io.daos.tool.command.ContArgs;
import io.daos.tool.command.Outcome;
import io.daos.tool.output.CliError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code daos container set-owner <pool> <cont> [-u user] [-g group] [--no-check [--uid N] [--gid N]]} (DAOS
 * {@code containerSetOwnerCmd}): names without '@' get one; without --no-check the names must exist on this host
 * (DER_NONEXIST otherwise). --uid/--gid belong to POSIX containers, whose DFS root owner DAOS sets from them.
 */
@Command(name = "set-owner", aliases = "chown", description = "change ownership for a container")
final class ContSetOwnerCommand extends ContArgs {
  @Option(names = {"-u", "--user"}, description = "user who will own the container")
  String user;
  @Option(names = "--uid", description = "with --no-check, specify a uid for POSIX container ownership")
  Integer uid;
  @Option(names = {"-g", "--group"}, description = "group who will own the container")
  String group;
  @Option(names = "--gid", description = "with --no-check, specify a gid for POSIX container ownership")
  Integer gid;
  @Option(names = "--no-check", description = "don't check whether the user/group exists on the local system")
  boolean noCheck;

  @Override
  protected Outcome execute(CommandContext ctx) {
    String u = principal(user);
    String g = principal(group);
    if (u == null && g == null) {
      throw CliError.of("at least one of user or group must be supplied");
    }
    try (Handles h = open(ctx, COO_RW)) {
      boolean posix = h.cont().layoutType() == PropType.LAYOUT_POSIX;
      checkIdOptions(posix, u, g);
      String what = posix ? "failed to set owner for POSIX container " : "failed to set owner for container ";
      try {
        if (!noCheck) {
          checkLocal(u, g);
        }
        h.cont().setOwner(u, g);
      } catch (RuntimeException e) {
        throw CliError.wrap(what + cont, e);
      }
    }
    return Outcome.text("Successfully set owner for container " + cont + "\n");
  }

  private void checkIdOptions(boolean posix, String u, String g) {
    if (!posix) {
      if (uid != null || gid != null) {
        throw CliError.of("--uid and --gid options apply for POSIX containers only");
      }
      return;
    }
    if (!noCheck) {
      if (uid != null || gid != null) {
        throw CliError.of("--no-check is required to use the --uid and --gid options");
      }
      return;
    }
    if (u != null && uid == null) {
      throw CliError.of("POSIX container requires --uid to use --no-check");
    }
    if (g != null && gid == null) {
      throw CliError.of("POSIX container requires --gid to use --no-check");
    }
  }

  /** {@code daos_cont_set_owner}'s check: both names must be known here. */
  private static void checkLocal(String u, String g) {
    if (u != null && !LocalIds.userExists(u)) {
      throw new DaosException(DaosStatus.NONEXIST, "user " + u + " is not known on this host (use --no-check)");
    }
    if (g != null && !LocalIds.groupExists(g)) {
      throw new DaosException(DaosStatus.NONEXIST, "group " + g + " is not known on this host (use --no-check)");
    }
  }

  private static String principal(String name) {
    if (name == null || name.isEmpty()) {
      return null;
    }
    return name.contains("@") ? name : name + "@";
  }
}
