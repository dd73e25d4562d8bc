package io.daos.tool.thrash;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosKv;
import io.daos.client.DaosPool;
import io.daos.client.cont.ContainerProps;
import io.daos.client.pool.RebuildState;
import io.daos.client.rpc.Futures;
import io.daos.placement.Target;
import io.daos.placement.TargetState;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code jdaos-thrash}: see the package doc and docs/benchmarks.md. Prints a human table on stderr and one JSON
 * summary on stdout; exits 0 only when every cycle passed, no acknowledged write was lost, no key diverged and no
 * daemon crashed.
 */
public final class ThrashMain {
  static final String USAGE = """
      usage: jdaos-thrash [--cycles N] [--qd N] [--value-size B] [--keys N] [--swim default|short] [--keep]
                          [--pool-size 10G] [--exclude-timeout S] [--rebuild-timeout S] [--restart-timeout S]
                          [--settle S] [--dir D]
        --cycles N           kill/exclude/rebuild/restart/reintegrate cycles (default 20)
        --qd N               puts in flight (default 32)
        --value-size B       bytes per value (default 256, at least 16)
        --keys N             distinct keys the writer cycles through (default 16384)
        --swim default|short DAOS's SWIM timings (default) or period 200 ms / ping 150 ms / suspect 2 s
        --keep               keep the state directory (logs, configs) after the run
        --*-timeout S        bounds of each wait (exclusion 120 s, rebuild 300 s, restart 120 s)
        --settle S           seconds of writes before the first kill and after each cycle (default 3)
        --dir D              parent of the private state directory (default: java.io.tmpdir)
      """;

  int cycles = 20;
  int qd = 32;
  int valueSize = 256;
  int keys = 16384;
  boolean shortSwim;
  boolean keep;
  String poolSize = "10G";
  int excludeTimeout = 120;
  int rebuildTimeout = 300;
  int restartTimeout = 120;
  int settle = 3;
  Path parent = Path.of(System.getProperty("java.io.tmpdir"));

  private final PrintStream err = System.err;
  private final long t0 = System.nanoTime();

  public static void main(String[] args) throws Exception {
    ThrashMain m = new ThrashMain();
    try {
      m.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("jdaos-thrash: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
    }
    System.exit(m.run());
  }

  void parse(String[] a) {
    for (int i = 0; i < a.length; i++) {
      String o = a[i];
      switch (o) {
        case "--keep" -> keep = true;
        case "-h", "--help" -> {
          System.out.print(USAGE);
          System.exit(0);
        }
        default -> {
          if (i + 1 >= a.length) {
            throw new IllegalArgumentException(o + " needs a value");
          }
          String v = a[++i];
          switch (o) {
            case "--cycles" -> cycles = positive(o, v, 0);
            case "--qd" -> qd = positive(o, v, 1);
            case "--value-size" -> valueSize = positive(o, v, 16);
            case "--keys" -> keys = positive(o, v, 1);
            case "--swim" -> {
              if (!v.equals("default") && !v.equals("short")) {
                throw new IllegalArgumentException("--swim is default or short, got " + v);
              }
              shortSwim = v.equals("short");
            }
            case "--pool-size" -> poolSize = v;
            case "--exclude-timeout" -> excludeTimeout = positive(o, v, 1);
            case "--rebuild-timeout" -> rebuildTimeout = positive(o, v, 1);
            case "--restart-timeout" -> restartTimeout = positive(o, v, 1);
            case "--settle" -> settle = positive(o, v, 0);
            case "--dir" -> parent = Path.of(v);
            default -> throw new IllegalArgumentException("unknown option " + o);
          }
        }
      }
    }
  }

  private static int positive(String o, String v, int min) {
    try {
      int n = Integer.parseInt(v);
      if (n < min) {
        throw new IllegalArgumentException(o + " must be at least " + min + ", got " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(o + " takes a number, got " + v);
    }
  }

  private void log(String fmt, Object... args) {
    err.printf("[%7.1f s] %s%n", (System.nanoTime() - t0) / 1e9, String.format(fmt, args));
  }

  /** One cycle's record. */
  static final class Cycle {
    int n;
    int rank;
    int host;
    long pid;
    double exclusionS = -1;
    double rebuildS = -1;
    long rebuildBytes = -1;
    long rebuildObjects = -1;
    int rebuildErrno;
    double restartS = -1;
    double reintRebuildS = -1;
    double upinS = -1;
    double stallS;
    long acks;
    final List<String> failures = new ArrayList<>();
  }

  int run() throws Exception {
    Path bin = Path.of(System.getProperty("jdaos.bin.dir", "bin"));
    Files.createDirectories(parent);
    Path dir = Files.createTempDirectory(parent, "jdaos-thrash.");
    ThrashSystem sys = new ThrashSystem(bin, dir, 4, 2, shortSwim);
    Thread hook = new Thread(sys::close);
    Runtime.getRuntime().addShutdownHook(hook);
    JsonObject out = new JsonObject();
    List<Cycle> done = new ArrayList<>();
    int rc;
    try {
      log("state %s; starting 4 daos_server x 1 engine x 2 targets on 127.0.0.2-5 (SWIM %s)", dir,
          shortSwim ? "short" : "default");
      sys.start(Duration.ofSeconds(180));
      log("system up: 4 ranks joined, daos_agent running");
      ThrashSystem.Cmd create = sys.dmg(Duration.ofSeconds(300), "pool", "create", "thrash", "-z", poolSize);
      if (!create.ok()) {
        throw new IllegalStateException("dmg pool create failed: " + create);
      }
      rc = soak(sys, out, done);
    } catch (RuntimeException e) {
      log("FAILED: %s", e.getMessage());
      out.addProperty("error", String.valueOf(e.getMessage()));
      rc = 1;
    } finally {
      List<ThrashSystem.Crash> crashes = sys.crashes();
      Map<String, Integer> exc = sys.exceptionLines();
      JsonArray ca = new JsonArray();
      crashes.forEach(c -> ca.add(c.what() + ": " + c.detail()));
      out.add("daemon_crashes", ca);
      JsonObject eo = new JsonObject();
      exc.forEach(eo::addProperty);
      out.add("exception_lines_per_log", eo);
      if (!crashes.isEmpty()) {
        rc = 1;
      }
      sys.close();
      Runtime.getRuntime().removeShutdownHook(hook);
      if (keep) {
        out.addProperty("state_dir", dir.toString());
      } else {
        deleteTree(dir);
      }
      report(out, done);
    }
    return rc;
  }

  private int soak(ThrashSystem sys, JsonObject out, List<Cycle> done) throws Exception {
    boolean allPassed = true;
    try (DaosClient client = DaosClient.builder().agentSocketDir(sys.agentSocketDir()).build()) {
      DaosPool pool = client.connectPool("thrash", PoolRpc.PC_RW);
      pool.createContainer(ContainerProps.empty().withLabel("thrash").withRedundancyFactor(1));
      DaosContainer cont = pool.openContainer("thrash", ContRpc.COO_RW);
      DaosKv rp2 = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_2G1, 0));
      DaosKv rp3 = cont.openKv(cont.generateOid(ObjectType.KV_HASHED, ObjectClass.RP_3G1, 0));
      Writer w = new Writer(List.of(rp2, rp3), qd, keys, valueSize);
      log("pool thrash, container thrash (rd_fac 1), KVs %s (RP_2G1) and %s (RP_3G1); writer qd %d, %d keys, %d B",
          rp2.object().oid(), rp3.object().oid(), qd, w.keys(), valueSize);
      w.start();
      Thread.sleep(settle * 1000L);
      List<Integer> ranks = new ArrayList<>(sys.members().keySet());
      ranks.sort(Comparator.naturalOrder());
      for (int c = 0; c < cycles; c++) {
        Cycle cy = new Cycle();
        cy.n = c + 1;
        cy.rank = ranks.get(c % ranks.size());
        long acks0 = w.acks();
        long start = System.nanoTime();
        boolean ok = cycle(sys, pool, cy);
        Thread.sleep(settle * 1000L);
        long end = System.nanoTime();
        cy.stallS = w.longestGap(start, end) / 1e9;
        cy.acks = w.acks() - acks0;
        done.add(cy);
        log("cycle %d rank %d: %s (exclusion %.1f s, rebuild %.1f s, stall %.2f s, %d acks)", cy.n, cy.rank,
            ok ? "ok" : "FAILED " + cy.failures, cy.exclusionS, cy.rebuildS, cy.stallS, cy.acks);
        if (!ok) {
          allPassed = false;
          if (!healthy(sys, pool)) {
            log("the pool is not back to all targets UPIN with every rank joined: stopping the soak here (the next "
                + "kill could take a second replica of the same data)");
            out.addProperty("aborted_after_cycle", cy.n);
            break;
          }
        }
      }
      boolean drained = w.stop(120);
      log("writer stopped (%s): %d acknowledged, %d failed puts %s", drained ? "drained" : "NOT drained in 120 s",
          w.acks(), w.failures(), w.failuresByStatus());
      Verifier.Result v = new Verifier(w, valueSize, qd).run(600);
      log("verify: %d keys, %d acknowledged keys, %d lost, %d divergent, %d/%d replica reads unverifiable %s",
          v.keysChecked, v.ackedKeys, v.lost, v.divergent, v.replicaUnverifiable, v.replicaReads, v.replicaErrors);
      v.examples.forEach(e -> log("  %s", e));
      out.addProperty("writer_drained", drained);
      out.addProperty("acknowledged_writes", w.acks());
      out.addProperty("failed_writes", w.failures());
      JsonObject fs = new JsonObject();
      w.failuresByStatus().forEach(fs::addProperty);
      out.add("failed_writes_by_status", fs);
      out.addProperty("keys_checked", v.keysChecked);
      out.addProperty("acknowledged_keys", v.ackedKeys);
      out.addProperty("acknowledged_writes_lost", v.lost);
      out.addProperty("divergent_keys", v.divergent);
      out.addProperty("replica_reads", v.replicaReads);
      out.addProperty("replica_reads_unverifiable", v.replicaUnverifiable);
      JsonObject re = new JsonObject();
      v.replicaErrors.forEach(re::addProperty);
      out.add("replica_read_errors", re);
      JsonArray ex = new JsonArray();
      v.examples.forEach(ex::add);
      out.add("examples", ex);
      return allPassed && v.lost == 0 && v.divergent == 0 && v.replicaUnverifiable == 0 && drained ? 0 : 1;
    }
  }

  /** One kill → exclusion → rebuild → restart → reintegrate → rebuild → UPIN cycle; false if any step failed. */
  private boolean cycle(ThrashSystem sys, DaosPool pool, Cycle cy) {
    Map<Integer, JsonObject> members = sys.members();
    cy.host = sys.hostOf(members, cy.rank);
    if (cy.host < 0) {
      cy.failures.add("rank " + cy.rank + " has no host in system query");
      return false;
    }
    int tgts = sys.targetsPerEngine();
    // The map version before the kill: the exclusion's rebuild reports a newer one (rs_version). The version seen
    // when the targets show disabled may already be the one after the rebuild's DOWN -> DOWNOUT step.
    JsonObject before = sys.dmgJson("pool", "query", "thrash");
    int beforeVersion = before == null ? 0 : (int) ThrashSystem.num(before, "version");
    long k = System.nanoTime();
    cy.pid = sys.killEngine(cy.host);
    log("cycle %d: kill -9 of rank %d's engine (host %d, pid %d)", cy.n, cy.rank, cy.host, cy.pid);
    int[] exclVersion = {0};
    boolean excluded = ThrashSystem.poll(Duration.ofSeconds(excludeTimeout), () -> {
      JsonObject q = sys.dmgJson("pool", "query", "thrash");
      if (q != null && ThrashSystem.num(q, "disabled_targets") >= tgts) {
        exclVersion[0] = (int) ThrashSystem.num(q, "version");
        return true;
      }
      return false;
    });
    if (!excluded) {
      cy.failures.add("rank " + cy.rank + "'s targets not disabled in dmg pool query within " + excludeTimeout + " s");
    } else {
      cy.exclusionS = secs(k);
      RebuildState[] last = {null};
      boolean rebuilt = ThrashSystem.poll(Duration.ofSeconds(rebuildTimeout), () -> {
        last[0] = rebuildState(pool);
        return last[0] != null && last[0].completedSince(beforeVersion + 1);
      });
      if (rebuilt) {
        cy.rebuildS = secs(k);
        cy.rebuildBytes = last[0].bytes();
        cy.rebuildObjects = last[0].objects();
        cy.rebuildErrno = last[0].errno();
        if (last[0].errno() != 0) {
          cy.failures.add("rebuild of version " + last[0].version() + " ended with errno " + last[0].errno());
        }
      } else {
        cy.failures.add("rebuild after exclusion (map version " + exclVersion[0] + ") not done within "
            + rebuildTimeout + " s; last status " + last[0]);
      }
    }
    long r = System.nanoTime();
    ThrashSystem.Cmd start = sys.dmg(Duration.ofSeconds(restartTimeout), "system", "start", "-r",
        Integer.toString(cy.rank));
    if (!start.ok()) {
      cy.failures.add("dmg system start -r " + cy.rank + ": " + start);
    }
    boolean joined = ThrashSystem.poll(Duration.ofSeconds(restartTimeout), () -> {
      JsonObject m = sys.members().get(cy.rank);
      return m != null && "joined".equals(ThrashSystem.str(m, "state")) && sys.engine(cy.host).isPresent();
    });
    if (!joined) {
      cy.failures.add("rank " + cy.rank + " not joined within " + restartTimeout + " s of dmg system start");
      return false;
    }
    cy.restartS = secs(r);
    JsonObject preReint = sys.dmgJson("pool", "query", "thrash");
    int preReintVersion = preReint == null ? 0 : (int) ThrashSystem.num(preReint, "version");
    ThrashSystem.Cmd reint = sys.dmg(Duration.ofSeconds(120), "pool", "reintegrate", "thrash", "--ranks",
        Integer.toString(cy.rank));
    if (!reint.ok()) {
      cy.failures.add("dmg pool reintegrate --ranks " + cy.rank + ": " + reint);
      return false;
    }
    long ri = System.nanoTime();
    JsonObject q = sys.dmgJson("pool", "query", "thrash");
    int reintVersion = (int) ThrashSystem.num(q, "version");
    RebuildState[] last = {null};
    boolean rebuilt = ThrashSystem.poll(Duration.ofSeconds(rebuildTimeout), () -> {
      last[0] = rebuildState(pool);
      return last[0] != null && last[0].completedSince(preReintVersion + 1);
    });
    if (rebuilt) {
      cy.reintRebuildS = secs(ri);
    } else {
      cy.failures.add("rebuild after reintegration (map version " + reintVersion + ") not done within "
          + rebuildTimeout + " s; last status " + last[0]);
    }
    boolean upin = ThrashSystem.poll(Duration.ofSeconds(rebuilt ? 60 : 5), () -> allUpin(pool));
    if (upin) {
      cy.upinS = secs(ri);
    } else {
      cy.failures.add("not every target UPIN after reintegration: " + targetStates(pool));
    }
    return cy.failures.isEmpty();
  }

  private static RebuildState rebuildState(DaosPool pool) {
    try {
      return Futures.join(pool.rebuildStateAsync().orTimeout(30, TimeUnit.SECONDS));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean allUpin(DaosPool pool) {
    try {
      return pool.refreshMap().targets().stream().allMatch(t -> t.state() == TargetState.UPIN);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String targetStates(DaosPool pool) {
    try {
      List<String> s = new ArrayList<>();
      for (Target t : pool.refreshMap().targets()) {
        if (t.state() != TargetState.UPIN) {
          s.add("rank " + t.rank() + " tgt " + t.index() + " " + t.state());
        }
      }
      return String.join(", ", s);
    } catch (RuntimeException e) {
      return "(pool map unavailable: " + e.getMessage() + ")";
    }
  }

  private boolean healthy(ThrashSystem sys, DaosPool pool) {
    return sys.members().values().stream().allMatch(m -> "joined".equals(ThrashSystem.str(m, "state")))
        && allUpin(pool);
  }

  private static double secs(long since) {
    return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
  }

  // --- report ---------------------------------------------------------------------------------------------------

  private void report(JsonObject out, List<Cycle> cycles) {
    out.addProperty("date", Instant.now().toString());
    out.addProperty("cycles_requested", this.cycles);
    out.addProperty("cycles_run", cycles.size());
    out.addProperty("cycles_passed", cycles.stream().filter(c -> c.failures.isEmpty()).count());
    out.addProperty("qd", qd);
    out.addProperty("value_size", valueSize);
    out.addProperty("swim", shortSwim ? "short" : "default");
    out.add("stall_s", summary(cycles.stream().map(c -> c.stallS).toList()));
    out.add("exclusion_s", summary(cycles.stream().map(c -> c.exclusionS).filter(x -> x >= 0).toList()));
    out.add("rebuild_done_s", summary(cycles.stream().map(c -> c.rebuildS).filter(x -> x >= 0).toList()));
    JsonArray ca = new JsonArray();
    for (Cycle c : cycles) {
      JsonObject o = new JsonObject();
      o.addProperty("cycle", c.n);
      o.addProperty("rank", c.rank);
      o.addProperty("engine_pid", c.pid);
      o.addProperty("exclusion_s", c.exclusionS);
      o.addProperty("rebuild_done_s", c.rebuildS);
      o.addProperty("rebuild_bytes", c.rebuildBytes);
      o.addProperty("rebuild_objects", c.rebuildObjects);
      o.addProperty("restart_s", c.restartS);
      o.addProperty("reint_rebuild_done_s", c.reintRebuildS);
      o.addProperty("all_upin_s", c.upinS);
      o.addProperty("stall_s", c.stallS);
      o.addProperty("acks", c.acks);
      JsonArray f = new JsonArray();
      c.failures.forEach(f::add);
      o.add("failures", f);
      ca.add(o);
    }
    out.add("per_cycle", ca);
    err.println();
    err.printf("%-5s %-4s %-10s %-11s %-10s %-10s %-12s %-8s %-7s %s%n", "cycle", "rank", "exclude_s", "rebuild_s",
        "restart_s", "reint_s", "all_upin_s", "stall_s", "acks", "result");
    for (Cycle c : cycles) {
      err.printf("%-5d %-4d %-10s %-11s %-10s %-10s %-12s %-8.2f %-7d %s%n", c.n, c.rank, t(c.exclusionS),
          t(c.rebuildS), t(c.restartS), t(c.reintRebuildS), t(c.upinS), c.stallS, c.acks,
          c.failures.isEmpty() ? "ok" : "FAILED: " + String.join("; ", c.failures));
    }
    err.printf("%nacknowledged writes %s, lost %s, divergent keys %s, unverifiable replica reads %s, daemon crashes %s%n",
        out.get("acknowledged_writes"), out.get("acknowledged_writes_lost"), out.get("divergent_keys"),
        out.get("replica_reads_unverifiable"), out.get("daemon_crashes"));
    err.printf("stall per failure (s): %s; exclusion (s): %s; rebuild done (s): %s%n", out.get("stall_s"),
        out.get("exclusion_s"), out.get("rebuild_done_s"));
    System.out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(out));
  }

  private static String t(double s) {
    return s < 0 ? "-" : String.format("%.1f", s);
  }

  static JsonObject summary(List<Double> xs) {
    JsonObject o = new JsonObject();
    o.addProperty("n", xs.size());
    if (xs.isEmpty()) {
      return o;
    }
    List<Double> s = new ArrayList<>(xs);
    s.sort(Comparator.naturalOrder());
    int n = s.size();
    double med = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    o.addProperty("min", round(s.get(0)));
    o.addProperty("median", round(med));
    o.addProperty("max", round(s.get(n - 1)));
    return o;
  }

  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }

  private static void deleteTree(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("jdaos-thrash: could not remove " + dir + ": " + e);
    }
  }
}
