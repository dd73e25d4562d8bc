package io.daos.common.acl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DAOS's ACL file ({@code control.ReadACLFile} / {@code ParseACL}): one ACE per line; surrounding blanks are
 * trimmed, blank lines and lines starting with '#' are skipped. dmg and daos read the same files.
 */
public final class AclFile {
  private AclFile() {
  }

  /**
   * The entries of {@code file}.
   *
   * @throws IllegalArgumentException worded as DAOS's: "opening ACL file: open F: no such file or directory",
   *     "ACL file 'F' contains no entries"
   */
  public static List<String> read(String file) {
    List<String> aces;
    try (BufferedReader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      aces = parse(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("opening ACL file: " + GoFileErrors.text("open", file, e), e);
    }
    if (aces.isEmpty()) {
      throw new IllegalArgumentException("ACL file '" + file + "' contains no entries");
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
