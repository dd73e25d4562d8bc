package io.daos.fuzz;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.daos.drpc.DrpcChunks;
import io.daos.drpc.DrpcMethod;
import io.daos.tool.thrash.ThrashSystem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * bin/jdaos-fuzz: starts a one-node system (1 daos_server, 1 engine of 2 targets, 1 daos_agent, free ports, a private
 * directory), then feeds {@code --count} hostile inputs to each interface in batches of {@code --batch}, checking
 * after every batch that the daemons live and serve ({@link Liveness}). Prints a table on stderr and one JSON
 * object on stdout; exits 1 if a daemon died or a check failed. See docs/fuzz.md.
 */
public final class FuzzMain {
  /** The agent's largest Call (DaosAgent.MAX_CALL_SIZE). */
  private static final long AGENT_MAX_CALL = 1 << 20;

  private FuzzMain() {
  }

  public static void main(String[] argv) throws Exception {
    System.exit(fuzz(options(argv)) ? 0 : 1);
  }

  /** True when no daemon died and every liveness check passed. */
  private static boolean fuzz(Map<String, String> opt) throws Exception {
    long count = Long.parseLong(opt.getOrDefault("count", "100000"));
    int batch = Integer.parseInt(opt.getOrDefault("batch", "1000"));
    long seed = Long.parseLong(opt.getOrDefault("seed", "1"));
    Path dir = opt.containsKey("dir") ? Path.of(opt.get("dir")) : Files.createTempDirectory("jdaos-fuzz");
    Path bin = Path.of(System.getProperty("jdaos.bin.dir", "bin"));
    long t0 = System.nanoTime();
    try (ThrashSystem sys = new ThrashSystem(bin, dir, 1, 2, false)) {
      System.err.println("jdaos-fuzz: starting a one-node system in " + dir);
      sys.start(Duration.ofMinutes(5));
      Path engineSock = engineSocket(sys.serverSocketDir(0));
      try (Liveness live = new Liveness(sys, engineSock)) {
        List<String> before = live.check();
        if (!before.isEmpty()) {
          throw new IllegalStateException("the system does not serve before fuzzing: " + before);
        }
        Map<String, Long> rssBefore = rss(sys);
        List<Run> runs = new ArrayList<>();
        int i = 0;
        for (Target t : targets(sys, engineSock)) {
          try (t) {
            runs.add(run(t, new Random(seed * 31 + i++), count, batch, live));
          }
          if (!sys.crashes().isEmpty()) {
            break;
          }
        }
        report(runs, sys, rssBefore, rss(sys), count, seed, (System.nanoTime() - t0) / 1e9);
        return sys.crashes().isEmpty() && runs.stream().allMatch(r -> r.failedChecks.isEmpty());
      }
    }
  }

  private static List<Target> targets(ThrashSystem sys, Path engineSock) {
    Path agent = sys.agentSocketDir().resolve("daos_agent.sock");
    Path server = sys.serverSocketDir(0).resolve("daos_server.sock");
    return List.of(
        new DrpcFrameTarget("drpc frames -> agent", agent, AGENT_MAX_CALL),
        new DrpcFrameTarget("drpc frames -> daos_server", server, DrpcChunks.DEFAULT_MAX_MESSAGE_SIZE),
        new DrpcFrameTarget("drpc frames -> engine", engineSock, DrpcChunks.DEFAULT_MAX_MESSAGE_SIZE),
        new DrpcBodyTarget("protobuf bodies -> agent", agent, List.of(DrpcMethod.SEC_AGENT_REQUEST_CREDS,
            DrpcMethod.MGMT_GET_ATTACH_INFO, DrpcMethod.MGMT_NOTIFY_POOL_CONNECT,
            DrpcMethod.MGMT_NOTIFY_POOL_DISCONNECT, DrpcMethod.MGMT_NOTIFY_EXIT, DrpcMethod.MGMT_SETUP_CLIENT_TELEM),
            Set.of()),
        new DrpcBodyTarget("protobuf bodies -> daos_server", server, List.of(DrpcMethod.SRV_NOTIFY_READY,
            DrpcMethod.SRV_CLUSTER_EVENT, DrpcMethod.SRV_GET_POOL_SVC, DrpcMethod.SRV_POOL_FIND_BYLABEL,
            DrpcMethod.SRV_GET_SYS_PROPS, DrpcMethod.SEC_VALIDATE_CREDS),
            Set.of(DrpcMethod.SRV_NOTIFY_READY, DrpcMethod.SRV_CLUSTER_EVENT)),
        new CartFrameTarget("127.0.0.1", sys.fabricPort(0)),
        new GrpcTarget(sys.hostIp(0), sys.controlPort()));
  }

  /** One interface's tally. */
  private static final class Run {
    final String name;
    final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    final List<String> failedChecks = new ArrayList<>();
    final Map<String, Long> fuzzerErrors = new LinkedHashMap<>();
    long inputs;
    long checks;
    double seconds;

    Run(String name) {
      this.name = name;
    }
  }

  private static Run run(Target t, Random rnd, long count, int batch, Liveness live) {
    Run run = new Run(t.name());
    long start = System.nanoTime();
    while (run.inputs < count) {
      long n = Math.min(batch, count - run.inputs);
      for (long k = 0; k < n; k++) {
        try {
          run.outcomes.merge(t.feed(rnd), 1L, Long::sum);
        } catch (Exception e) {
          run.fuzzerErrors.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1L, Long::sum);
        }
        run.inputs++;
      }
      run.checks++;
      List<String> bad = live.check();
      if (!bad.isEmpty()) {
        run.failedChecks.add("after " + run.inputs + " inputs: " + bad);
        System.err.println("jdaos-fuzz: " + t.name() + ": after " + run.inputs + " inputs: " + bad);
        if (run.failedChecks.size() >= 3) {
          break;
        }
      }
      if (run.checks % 20 == 0) {
        System.err.printf("jdaos-fuzz: %s: %d inputs%n", t.name(), run.inputs);
      }
    }
    run.seconds = (System.nanoTime() - start) / 1e9;
    return run;
  }

  private static void report(List<Run> runs, ThrashSystem sys, Map<String, Long> rssBefore,
      Map<String, Long> rssAfter, long count, long seed, double seconds) {
    JsonObject out = new JsonObject();
    out.addProperty("inputs_per_interface", count);
    out.addProperty("seed", seed);
    out.addProperty("seconds", Math.round(seconds));
    JsonArray arr = new JsonArray();
    System.err.printf("%n%-34s %9s %8s %8s %8s %8s %8s %6s %8s%n", "interface", "inputs", "answered", "err-ans",
        "closed", "no-ans", "timeout", "checks", "failed");
    for (Run r : runs) {
      JsonObject o = new JsonObject();
      o.addProperty("interface", r.name);
      o.addProperty("inputs", r.inputs);
      o.addProperty("seconds", Math.round(r.seconds * 10) / 10.0);
      JsonObject oc = new JsonObject();
      for (Outcome x : Outcome.values()) {
        oc.addProperty(x.name().toLowerCase(), r.outcomes.getOrDefault(x, 0L));
      }
      o.add("outcomes", oc);
      o.addProperty("liveness_checks", r.checks);
      JsonArray failed = new JsonArray();
      r.failedChecks.forEach(failed::add);
      o.add("failed_checks", failed);
      JsonObject fe = new JsonObject();
      r.fuzzerErrors.forEach(fe::addProperty);
      o.add("fuzzer_errors", fe);
      arr.add(o);
      System.err.printf("%-34s %9d %8d %8d %8d %8d %8d %6d %8d%n", r.name, r.inputs,
          r.outcomes.getOrDefault(Outcome.ANSWERED, 0L), r.outcomes.getOrDefault(Outcome.ERROR_ANSWER, 0L),
          r.outcomes.getOrDefault(Outcome.CLOSED, 0L), r.outcomes.getOrDefault(Outcome.NO_ANSWER_DUE, 0L),
          r.outcomes.getOrDefault(Outcome.TIMED_OUT, 0L) + r.outcomes.getOrDefault(Outcome.UNEXPECTED_CLOSE, 0L),
          r.checks, r.failedChecks.size());
    }
    out.add("interfaces", arr);
    JsonArray crashes = new JsonArray();
    sys.crashes().forEach(c -> crashes.add(c.what() + ": " + c.detail()));
    out.add("crashes", crashes);
    JsonObject rss = new JsonObject();
    rssAfter.forEach((k, v) -> {
      JsonObject m = new JsonObject();
      m.addProperty("before_mib", rssBefore.getOrDefault(k, -1L));
      m.addProperty("after_mib", v);
      rss.add(k, m);
    });
    out.add("rss", rss);
    JsonObject exc = new JsonObject();
    sys.exceptionLines().forEach(exc::addProperty);
    out.add("exception_lines_in_logs", exc);
    System.err.printf("crashes: %d; RSS MiB before -> after: %s%n", crashes.size(), rss);
    System.out.println(new GsonBuilder().setPrettyPrinting().create().toJson(out));
  }

  private static Map<String, Long> rss(ThrashSystem sys) {
    Map<String, Long> out = new LinkedHashMap<>();
    sys.daemons().forEach((name, ph) -> out.put(name, rssMib(ph.pid())));
    return out;
  }

  /** VmRSS of {@code pid} in MiB, or -1. A daemon's JVM is a child of its launcher script; this reads the JVM. */
  private static long rssMib(long pid) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private static Path engineSocket(Path dir) throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "daos_engine*.sock")) {
      for (Path p : ds) {
        return p;
      }
    }
    throw new IOException("no daos_engine*.sock in " + dir);
  }

  private static Map<String, String> options(String[] argv) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (a.equals("-h") || a.equals("--help")) {
        System.out.println("usage: jdaos-fuzz [--count 100000] [--batch 1000] [--seed 1] [--dir DIR]\n"
            + "  --count  inputs per interface        --batch  inputs between liveness checks\n"
            + "  --seed   random seed (runs repeat)    --dir    state directory (default: a new temp dir)");
        System.exit(0);
      }
      if (!a.startsWith("--") || i + 1 >= argv.length) {
        System.err.println("jdaos-fuzz: unknown argument " + a + "; see --help");
        System.exit(2);
      }
      out.put(a.substring(2), argv[++i]);
    }
    return out;
  }
}
