package io.daos.tool.cont;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether this host knows a user or group name, as {@code daos_cont_set_owner} asks ({@code getpwnam_r} /
 * {@code getgrnam_r} through {@code daos_acl_principal_to_uid/gid}): NSS through {@code getent}, else
 * /etc/passwd and /etc/group. A principal's name is the part before its '@'.
 */
final class LocalIds {
  private LocalIds() {
  }

  static boolean userExists(String principal) {
    return exists("passwd", Path.of("/etc/passwd"), principal);
  }

  static boolean groupExists(String principal) {
    return exists("group", Path.of("/etc/group"), principal);
  }

  private static boolean exists(String db, Path file, String principal) {
    String name = principal.substring(0, Math.max(0, principal.indexOf('@')));
    if (name.isEmpty()) {
      return false;
    }
    Boolean viaNss = getent(db, name);
    if (viaNss != null) {
      return viaNss;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return lines.stream().anyMatch(l -> l.startsWith(name + ":"));
    } catch (IOException e) {
      return false;
    }
  }

  /** getent's answer (exit 0 = found, 2 = not found), or null when getent cannot be run. */
  private static Boolean getent(String db, String name) {
    try {
      Process p = new ProcessBuilder("getent", db, name).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      int rc = p.exitValue();
      return rc == 0 ? Boolean.TRUE : rc == 2 ? Boolean.FALSE : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
