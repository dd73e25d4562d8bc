package io.daos.server.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A hierarchical fault domain such as {@code /rack1/host}, top level first, optionally labelled
 * ({@code /rack=rack1/node=host}). Levels are trimmed, unquoted and lower-cased, as in DAOS.
 */
public final class FaultDomain {
  public static final String SEPARATOR = "/";
  private static final String LABEL_ASSIGN = "=";
  private static final FaultDomain ROOT = new FaultDomain(List.of(), List.of());

  private final List<String> domains;
  private final List<String> labels;

  private FaultDomain(List<String> domains, List<String> labels) {
    this.domains = List.copyOf(domains);
    this.labels = List.copyOf(labels);
  }

  /** The empty (root-only) fault domain, rendered "/". */
  public static FaultDomain root() {
    return ROOT;
  }

  /**
   * Parses a fault-domain path. Blank or "/" is the root domain.
   *
   * @throws IllegalArgumentException naming the problem if the path is malformed
   */
  public static FaultDomain parse(String path) {
    String s = path == null ? "" : path.trim();
    if (s.isEmpty() || s.equals(SEPARATOR)) {
      return ROOT;
    }
    if (!s.startsWith(SEPARATOR)) {
      throw new IllegalArgumentException("fault path must start with root (/): \"" + s + "\"");
    }
    return of(s.substring(1).split(SEPARATOR, -1));
  }

  /** Builds a fault domain from its levels, top first; each level may be "label=name". */
  public static FaultDomain of(String... levels) {
    List<String> doms = new ArrayList<>();
    List<String> labs = new ArrayList<>();
    boolean useLabels = false;
    for (int i = 0; i < levels.length; i++) {
      String[] parts = levels[i].split(LABEL_ASSIGN, 2);
      if (parts.length == 2) {
        if (i > 0 && !useLabels) {
          throw new IllegalArgumentException("layer " + i + " (" + levels[i]
              + ") has a label, but other layers don't include labels");
        }
        useLabels = true;
        labs.add(normalize(parts[0], "domain label"));
      } else if (useLabels) {
        throw new IllegalArgumentException("layer " + i + " (" + levels[i]
            + ") has no label, but other layers include labels");
      }
      doms.add(normalize(parts[parts.length - 1], "domain name"));
    }
    return new FaultDomain(doms, labs);
  }

  private static String normalize(String in, String what) {
    String s = in;
    for (String prev = null; !s.equals(prev); ) {
      prev = s;
      s = s.trim();
      s = s.replaceAll("^\"+|\"+$", "");
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException(what + " \"" + in + "\": empty string is an invalid fault domain");
    }
    if (s.contains(SEPARATOR) || s.contains(LABEL_ASSIGN)) {
      throw new IllegalArgumentException(what + " \"" + in + "\": invalid fault domain contains special character");
    }
    return s.toLowerCase(Locale.ROOT);
  }

  /** Number of levels below the root ("/rack1/host" has 2). */
  public int numLevels() {
    return domains.size();
  }

  public boolean isEmpty() {
    return domains.isEmpty();
  }

  public List<String> domains() {
    return domains;
  }

  public boolean hasLabels() {
    return !domains.isEmpty() && labels.size() == domains.size();
  }

  /** The bottom level ("host" in "/rack1/host"), or "" for the root. */
  public String bottomLevel() {
    return domains.isEmpty() ? "" : domains.get(domains.size() - 1);
  }

  /** This domain with one more level below it. */
  public FaultDomain child(String level) {
    List<String> doms = new ArrayList<>(domains);
    doms.add(normalize(level, "domain name"));
    return new FaultDomain(doms, List.of());
  }

  @Override
  public String toString() {
    if (domains.isEmpty()) {
      return SEPARATOR;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < domains.size(); i++) {
      sb.append(SEPARATOR);
      if (hasLabels()) {
        sb.append(labels.get(i)).append(LABEL_ASSIGN);
      }
      sb.append(domains.get(i));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FaultDomain f && domains.equals(f.domains)
        && (hasLabels() ? labels : List.of()).equals(f.hasLabels() ? f.labels : List.of());
  }

  @Override
  public int hashCode() {
    return domains.hashCode();
  }
}
