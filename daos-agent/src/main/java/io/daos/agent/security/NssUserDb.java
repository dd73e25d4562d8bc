package io.daos.agent.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Looks users and groups up through NSS with {@code getent} and {@code id -G} (so LDAP/SSSD users resolve),
 * or by reading /etc/passwd and /etc/group when those commands are missing.
 */
final class NssUserDb implements UserDb {
  private final Path passwd;
  private final Path group;
  private final boolean useCommands;

  NssUserDb() {
    this(Path.of("/etc/passwd"), Path.of("/etc/group"), true);
  }

  NssUserDb(Path passwd, Path group, boolean useCommands) {
    this.passwd = passwd;
    this.group = group;
    this.useCommands = useCommands;
  }

  @Override
  public Optional<PosixUser> user(long uid) {
    return entry("passwd", passwd, 2, uid).map(f -> new PosixUser(f[0], uid, Long.parseLong(f[3])));
  }

  @Override
  public Optional<String> groupName(long gid) {
    return entry("group", group, 2, gid).map(f -> f[0]);
  }

  @Override
  public List<String> groupNames(PosixUser user) {
    Set<Long> gids = new LinkedHashSet<>();
    gids.add(user.gid());
    Optional<String> ids = useCommands ? run("id", "-G", user.name()) : Optional.empty();
    if (ids.isPresent()) {
      Arrays.stream(ids.get().trim().split("\\s+")).filter(s -> !s.isEmpty()).map(Long::parseLong)
          .forEach(gids::add);
    } else {
      fileLines(group).stream().map(l -> l.split(":", -1)).filter(f -> f.length >= 4)
          .filter(f -> Arrays.asList(f[3].split(",")).contains(user.name()))
          .forEach(f -> gids.add(Long.parseLong(f[2])));
    }
    List<String> names = new ArrayList<>();
    for (long gid : gids) {
      names.add(groupName(gid).orElse(Long.toString(gid)));
    }
    return names;
  }

  private Optional<String[]> entry(String db, Path file, int idField, long id) {
    if (useCommands) {
      Optional<String> line = run("getent", db, Long.toString(id));
      if (line.isPresent()) {
        return Optional.of(line.get().trim().split(":", -1)).filter(f -> f.length > idField);
      }
    }
    String want = Long.toString(id);
    return fileLines(file).stream().map(l -> l.split(":", -1))
        .filter(f -> f.length > Math.max(idField, 3) && f[idField].equals(want)).findFirst();
  }

  private static List<String> fileLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Output of a successful command, empty if it failed or is missing. */
  private static Optional<String> run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 && !out.isBlank() ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
