package io.daos.server.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parses /proc/self/mounts (fields separated by spaces, octal escapes like {@code \040}). */
public final class MountTable {
  private MountTable() {
  }

  public static List<HostSystem.MountEntry> parse(String text) {
    List<HostSystem.MountEntry> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4) {
        out.add(new HostSystem.MountEntry(unescape(f[0]), Path.of(unescape(f[1])), f[2], f[3]));
      }
    }
    return out;
  }

  static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The mount at exactly {@code target} (last one wins, as the kernel shows stacked mounts), or null. */
  public static HostSystem.MountEntry find(List<HostSystem.MountEntry> mounts, Path target) {
    HostSystem.MountEntry found = null;
    Path t = target.toAbsolutePath().normalize();
    for (HostSystem.MountEntry m : mounts) {
      if (m.target().equals(t)) {
        found = m;
      }
    }
    return found;
  }
}
