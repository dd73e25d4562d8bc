package io.daos.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses daos_engine's argv like DAOS's getopt_long: short options with attached or separate values
 * ({@code -t4}, {@code -t 4}), bundled flags ({@code -bC}), long options with {@code =} or a separate value
 * and unique prefixes ({@code --targ=4}). Numbers accept decimal or 0x-hex.
 */
public final class EngineArgsParser {
  private static final List<Opt> OPTS = List.of(
      new Opt('c', "cores", true), new Opt('d', "socket_dir", true), new Opt('f', "firstcore", true),
      new Opt('g', "group", true), new Opt('h', "help", false), new Opt('m', "modules", true),
      new Opt('n', "nvme", true), new Opt('p', "pinned_numa_node", true), new Opt('r', "mem_size", true),
      new Opt('H', "hugepage_size", true), new Opt('t', "targets", true), new Opt('s', "storage", true),
      new Opt('x', "xshelpernr", true), new Opt('I', "instance_idx", true),
      new Opt('b', "bypass_health_chk", false), new Opt('T', "storage_tiers", true),
      new Opt('C', "check", false), new Opt('C', "checker", false));

  private record Opt(char ch, String name, boolean hasArg) {
  }

  /** A parsed command line: the arguments (defaults when help was asked), help, and warnings to log. */
  public record Result(EngineArgs args, boolean help, List<String> warnings) {
  }

  private EngineArgsParser() {
  }

  /** Parses {@code argv}; stops at -h/--help. */
  public static Result parse(String... argv) throws EngineUsageException {
    EngineArgsBuilder b = new EngineArgsBuilder();
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (a.startsWith("--") && a.length() > 2) {
        i = parseLong(argv, i, b);
      } else if (a.startsWith("-") && a.length() > 1) {
        i = parseShort(argv, i, b);
      } else {
        throw new EngineUsageException("unexpected argument '" + a + "'");
      }
      if (b.help) {
        return new Result(EngineArgs.defaults(), true, List.copyOf(b.warnings));
      }
    }
    return new Result(b.build(), false, List.copyOf(b.warnings));
  }

  private static int parseLong(String[] argv, int i, EngineArgsBuilder b) throws EngineUsageException {
    String body = argv[i].substring(2);
    int eq = body.indexOf('=');
    String name = eq < 0 ? body : body.substring(0, eq);
    Opt o = longOpt(name);
    if (!o.hasArg) {
      if (eq >= 0) {
        throw new EngineUsageException("option '--" + o.name + "' doesn't allow an argument");
      }
      b.apply(o.ch, null);
      return i;
    }
    if (eq >= 0) {
      b.apply(o.ch, body.substring(eq + 1));
      return i;
    }
    b.apply(o.ch, value(argv, i, "--" + o.name));
    return i + 1;
  }

  private static int parseShort(String[] argv, int i, EngineArgsBuilder b) throws EngineUsageException {
    String a = argv[i];
    for (int k = 1; k < a.length(); k++) {
      Opt o = shortOpt(a.charAt(k));
      if (!o.hasArg) {
        b.apply(o.ch, null);
        continue;
      }
      if (k + 1 < a.length()) {
        b.apply(o.ch, a.substring(k + 1));
        return i;
      }
      b.apply(o.ch, value(argv, i, "-" + o.ch));
      return i + 1;
    }
    return i;
  }

  private static String value(String[] argv, int i, String opt) throws EngineUsageException {
    if (i + 1 >= argv.length) {
      throw new EngineUsageException("option '" + opt + "' requires an argument");
    }
    return argv[i + 1];
  }

  private static Opt shortOpt(char c) throws EngineUsageException {
    for (Opt o : OPTS) {
      if (o.ch == c) {
        return o;
      }
    }
    throw new EngineUsageException("invalid option -- '" + c + "'");
  }

  private static Opt longOpt(String name) throws EngineUsageException {
    Opt found = null;
    for (Opt o : OPTS) {
      if (o.name.equals(name)) {
        return o;
      }
      if (o.name.startsWith(name)) {
        if (found != null && found.ch != o.ch) {
          throw new EngineUsageException("option '--" + name + "' is ambiguous");
        }
        found = o;
      }
    }
    if (found == null) {
      throw new EngineUsageException("unrecognized option '--" + name + "'");
    }
    return found;
  }

  /** Mutable state while parsing; validation as DAOS does it. */
  private static final class EngineArgsBuilder {
    private final EngineArgs d = EngineArgs.defaults();
    private int targets = d.targets();
    private int xs = d.xsHelpers();
    private int firstCore = d.firstCore();
    private int numa = d.pinnedNumaNode();
    private String group = d.group();
    private Path socketDir = d.socketDir();
    private Path storage = d.storage();
    private String nvme = d.nvmeConf();
    private int tiers = d.storageTiers();
    private int idx = d.instanceIdx();
    private int memSize = d.memSizeMib();
    private int hugepage = d.hugepageSizeMib();
    private boolean bypass;
    private String modules = d.modules();
    private boolean check;
    private boolean help;
    private final List<String> warnings = new ArrayList<>();

    void apply(char c, String v) throws EngineUsageException {
      switch (c) {
        case 'c' -> {
          warnings.add("\"-c\" option is deprecated, please use \"-t\" instead.");
          targets = number(v, "-c");
        }
        case 't' -> targets = number(v, "-t");
        case 'x' -> xs = number(v, "-x");
        case 'f' -> firstCore = number(v, "-f");
        case 'p' -> numa = number(v, "-p");
        case 'r' -> memSize = number(v, "-r");
        case 'H' -> hugepage = number(v, "-H");
        case 'I' -> idx = number(v, "-I");
        case 'T' -> tiers = tiers(v);
        case 'g' -> group = group(v);
        case 'd' -> socketDir = Path.of(v);
        case 's' -> storage = Path.of(v);
        case 'n' -> nvme = v;
        case 'm' -> modules = modules(v);
        case 'b' -> bypass = true;
        case 'C' -> {
          if (!modules.equals(EngineArgs.DEFAULT_MODULES) && !check) {
            warnings.add("'-m|--modules' option is ignored under check mode");
          }
          check = true;
          modules = EngineArgs.CHECKER_MODULES;
        }
        case 'h' -> help = true;
        default -> throw new EngineUsageException("invalid option -- '" + c + "'");
      }
    }

    private static int number(String v, String opt) throws EngineUsageException {
      try {
        long n = v.startsWith("#") ? -1 : Long.decode(v.trim());
        if (n < 0 || n > Integer.MAX_VALUE) {
          throw new NumberFormatException();
        }
        return (int) n;
      } catch (NumberFormatException e) {
        throw new EngineUsageException("invalid numeric value: " + v + " (set by \"" + opt + "\")");
      }
    }

    private static int tiers(String v) throws EngineUsageException {
      int n = number(v, "-T");
      if (n < 1 || n > 4) {
        throw new EngineUsageException("Requires 1 to 4 tiers (set by \"-T\" to " + v + ")");
      }
      return n;
    }

    private static String group(String v) throws EngineUsageException {
      if (v.isEmpty() || v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > EngineArgs.SYS_NAME_MAX) {
        throw new EngineUsageException("DAOS system name must be 1 to " + EngineArgs.SYS_NAME_MAX
            + " bytes: '" + v + "'");
      }
      return v;
    }

    private String modules(String v) throws EngineUsageException {
      if (check) {
        warnings.add("'-m|--modules' option is ignored under check mode");
        return modules;
      }
      if (v.length() > EngineArgs.MODULES_MAX) {
        throw new EngineUsageException("module list longer than " + EngineArgs.MODULES_MAX + " characters");
      }
      return v;
    }

    EngineArgs build() {
      return new EngineArgs(targets, xs, firstCore, numa, group, socketDir, storage, nvme, tiers, idx, memSize,
          hugepage, bypass, modules, check);
    }
  }
}
