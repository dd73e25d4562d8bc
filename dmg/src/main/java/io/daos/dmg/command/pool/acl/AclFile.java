package io.daos.dmg.command.pool.acl;

import io.daos.dmg.command.CommandError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** DAOS's ACL file: one ACE per line; blank lines and lines starting with '#' are skipped (control.ReadACLFile). */
public final class AclFile {
  private AclFile() {
  }

  /** The entries of {@code file}; an unreadable or entry-less file is an error worded as DAOS's. */
  public static List<String> read(String file) {
    List<String> aces;
    try (BufferedReader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      aces = parse(r);
    } catch (IOException e) {
      throw new CommandError("opening ACL file: " + GoFileErrors.text("open", file, e));
    }
    if (aces.isEmpty()) {
      throw new CommandError("ACL file '" + file + "' contains no entries");
    }
    return aces;
  }

  /** The entries in {@code in}, trimmed, in file order. */
  public static List<String> parse(Reader in) throws IOException {
    List<String> aces = new ArrayList<>();
    BufferedReader r = in instanceof BufferedReader br ? br : new BufferedReader(in);
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        aces.add(t);
      }
    }
    return aces;
  }
}
