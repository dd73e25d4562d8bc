package io.daos.dmg.command.pool.acl;

import io.daos.dmg.command.CommandError;
import java.util.List;

/** DAOS's ACL file as dmg reads it ({@link io.daos.common.acl.AclFile}); a bad file is a dmg command error. */
public final class AclFile {
  private AclFile() {
  }

  /** The entries of {@code file}; an unreadable or entry-less file is an error worded as DAOS's. */
  public static List<String> read(String file) {
    try {
      return io.daos.common.acl.AclFile.read(file);
    } catch (IllegalArgumentException e) {
      throw new CommandError(e.getMessage());
    }
  }
}
