package io.daos.tool.cont;

import io.daos.client.cont.ContainerAcl;
import io.daos.common.acl.Acl;
import io.daos.common.acl.AclFile;
import io.daos.common.acl.AclText;
import io.daos.common.acl.GoFileErrors;
import io.daos.tool.api.ContApi;
import io.daos.tool.command.CommandContext;
import io.daos.tool.command.ContArgs;
import io.daos.tool.command.Outcome;
import io.daos.tool.output.CliError;
import io.daos.tool.output.Obj;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code daos container get-acl | overwrite-acl | update-acl | delete-acl} (DAOS {@code cmd/daos/acl.go}): the
 * container's ACL in DAOS's file format, read and changed through the container ACL RPCs. Each change prints the
 * resulting ACL.
 */
final class ContAclCommands {
  private ContAclCommands() {
  }

  /** {@code control.AccessControlList} as JSON: entries, owner_user, owner_group. */
  static Obj json(ContainerAcl acl) {
    return new Obj().with("entries", acl.entries()).with("owner_user", acl.ownerUser())
        .with("owner_group", acl.ownerGroup());
  }

  static String text(ContainerAcl acl, boolean verbose) {
    return AclText.format(acl.entries(), acl.ownerUser(), acl.ownerGroup(), verbose);
  }

  /** The ACL after a change, printed as DAOS prints it ("unable to fetch updated ACL" if that fails). */
  static Outcome updated(ContApi cont) {
    ContainerAcl acl;
    try {
      acl = cont.getAcl();
    } catch (RuntimeException e) {
      throw CliError.wrap("unable to fetch updated ACL", e);
    }
    return Outcome.of(json(acl), text(acl, false));
  }

  /** {@code aclFileToC}: the file's entries as an ACL ("unable to create ACL structure" when they are bad). */
  static List<String> readFile(String file) {
    List<String> aces;
    try {
      aces = AclFile.read(file);
    } catch (IllegalArgumentException e) {
      throw CliError.of(e.getMessage());
    }
    return checked(aces);
  }

  /** {@code daos_acl_from_strs}: DER_INVAL for a malformed entry, a repeated principal or more than 64 KiB. */
  static List<String> checked(List<String> aces) {
    try {
      return Acl.of(aces).strings();
    } catch (RuntimeException e) {
      throw CliError.wrap("unable to create ACL structure", e);
    }
  }

  @Command(name = "get-acl", description = "get a container's ACL")
  static final class GetAcl extends ContArgs {
    @Option(names = {"-O", "--outfile"}, description = "write ACL to file")
    String file;
    @Option(names = {"-f", "--force"}, description = "overwrite existing outfile")
    boolean force;
    @Option(names = {"-V", "--verbose"}, description = "show verbose output")
    boolean verbose;

    @Override
    protected Outcome execute(CommandContext ctx) {
      ContainerAcl acl;
      try (Handles h = open(ctx, COO_RO)) {
        try {
          acl = h.cont().getAcl();
        } catch (RuntimeException e) {
          throw CliError.wrap("failed to query ACL for container " + cont, e);
        }
      }
      if (file != null && !file.isEmpty()) {
        write(text(acl, verbose));
      }
      return Outcome.of(json(acl), text(acl, verbose));
    }

    /** Mode 0644; without --force an existing file is an error ("file exists"). */
    private void write(String text) {
      Path p = Path.of(file);
      try {
        if (force) {
          Files.writeString(p, text, StandardCharsets.UTF_8);
        } else {
          Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
          Files.writeString(p, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        }
      } catch (IOException e) {
        throw CliError.of("failed to open ACL output file: " + GoFileErrors.text("open", file, e));
      }
    }
  }

  @Command(name = "overwrite-acl", aliases = "replace", description = "replace a container's ACL")
  static final class OverwriteAcl extends ContArgs {
    @Option(names = {"-f", "--acl-file"}, required = true, description = "ACL file")
    String file;

    @Override
    protected Outcome execute(CommandContext ctx) {
      try (Handles h = open(ctx, COO_RW)) {
        List<String> aces = readFile(file);
        try {
          h.cont().overwriteAcl(aces);
        } catch (RuntimeException e) {
          throw CliError.wrap("failed to overwrite ACL for container " + cont, e);
        }
        return updated(h.cont());
      }
    }
  }

  @Command(name = "update-acl", description = "update a container's ACL")
  static final class UpdateAcl extends ContArgs {
    @Option(names = {"-e", "--entry"}, description = "ACE to add or update")
    String entry;
    @Option(names = {"-f", "--acl-file"}, description = "ACL file")
    String file;

    @Override
    protected Outcome execute(CommandContext ctx) {
      boolean hasEntry = entry != null && !entry.isEmpty();
      boolean hasFile = file != null && !file.isEmpty();
      if (hasEntry && hasFile) {
        throw CliError.of("only one of --entry or --acl-file may be supplied");
      }
      if (!hasEntry && !hasFile) {
        throw CliError.of("one of --entry or --acl-file must be supplied");
      }
      List<String> aces = hasEntry ? checked(List.of(entry)) : readFile(file);
      try (Handles h = open(ctx, COO_RW)) {
        try {
          h.cont().updateAcl(aces);
        } catch (RuntimeException e) {
          throw CliError.wrap("failed to update ACL for container " + cont, e);
        }
        return updated(h.cont());
      }
    }
  }

  @Command(name = "delete-acl", description = "delete a container's ACL")
  static final class DeleteAcl extends ContArgs {
    @Option(names = {"-P", "--principal"}, required = true,
        description = "principal whose entry to remove (OWNER@, GROUP@, EVERYONE@, u:name@, g:name@)")
    String principal;

    @Override
    protected Outcome execute(CommandContext ctx) {
      try (Handles h = open(ctx, COO_RW)) {
        try {
          io.daos.common.acl.AclPrincipal.parse(principal);
        } catch (RuntimeException e) {
          throw CliError.wrap("unable to parse principal string \"" + principal + "\"", e);
        }
        try {
          h.cont().deleteAcl(principal);
        } catch (RuntimeException e) {
          throw CliError.wrap("failed to delete ACL for container " + cont, e);
        }
        return updated(h.cont());
      }
    }
  }
}
