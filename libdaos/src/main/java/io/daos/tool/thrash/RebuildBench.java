package io.daos.tool.thrash;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.daos.client.DaosArray;
import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosPool;
import io.daos.client.cont.ContainerProps;
import io.daos.client.pool.RebuildState;
import io.daos.client.rpc.Futures;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/jdaos-bench rebuild}: replication and rebuild figures, each next to a reference from the same system
 * and run. On 3 daos_server × 1 engine × 2 targets (127.0.0.2–4, one fault domain each): daos_perf update 4 KiB at
 * qd 1 and qd 32 in S1 and in RP_2G1 (the cost of replication), array-write 1 MiB qd 4 in S1, RP_2G1 and EC_2P1G1
 * and array-read in RP_2G1 and EC_2P1G1 (the cost of erasure coding, same run); then N MiB written into RP_2G1 arrays, one rank
 * excluded with {@code dmg pool exclude}, and the rebuild timed from the exclude to the pool query's "done" for that
 * map version, bytes from its rs_size; next to daos_perf array-read 1 MiB qd 4 on the same system. Prints one JSON
 * object on stdout.
 * usage: RebuildBench [--seconds 10] [--warmup 5] [--mib 512] [--rebuild-timeout 600] [--dir D] [--keep]
 */
public final class RebuildBench {
  private RebuildBench() {
  }

  public static void main(String[] args) throws Exception {
    int seconds = 10;
    int warmup = 5;
    int mib = 512;
    int rebuildTimeout = 600;
    boolean keep = false;
    Path parent = Path.of(System.getProperty("java.io.tmpdir"));
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--mib" -> mib = Integer.parseInt(args[++i]);
        case "--rebuild-timeout" -> rebuildTimeout = Integer.parseInt(args[++i]);
        case "--dir" -> parent = Path.of(args[++i]);
        case "--keep" -> keep = true;
        default -> {
          System.err.println("usage: jdaos-bench rebuild [--seconds 10] [--warmup 5] [--mib 512] "
              + "[--rebuild-timeout 600] [--dir D] [--keep]");
          System.exit(2);
        }
      }
    }
    Path bin = Path.of(System.getProperty("jdaos.bin.dir", "bin"));
    Files.createDirectories(parent);
    Path dir = Files.createTempDirectory(parent, "jdaos-bench-rebuild.");
    JsonObject out = new JsonObject();
    out.addProperty("date", Instant.now().toString());
    out.addProperty("system", "3 daos_server x 1 engine x 2 targets, 127.0.0.2-4, state in " + parent);
    int rc = 0;
    ThrashSystem sys = new ThrashSystem(bin, dir, 3, 2, false);
    Thread hook = new Thread(sys::close);
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      sys.start(Duration.ofSeconds(180));
      ThrashSystem.Cmd create = sys.dmg(Duration.ofSeconds(300), "pool", "create", "bench", "-z", "8G");
      if (!create.ok()) {
        throw new IllegalStateException("dmg pool create failed: " + create);
      }
      for (String[] row : List.of(new String[] {"update_4k_qd1_s1", "update", "4K", "1", "S1"},
          new String[] {"update_4k_qd1_rp2g1", "update", "4K", "1", "RP_2G1"},
          new String[] {"update_4k_qd32_s1", "update", "4K", "32", "S1"},
          new String[] {"update_4k_qd32_rp2g1", "update", "4K", "32", "RP_2G1"},
          new String[] {"array_read_1m_qd4_rp2g1", "array-read", "1M", "4", "RP_2G1"},
          new String[] {"array_write_1m_qd4_s1", "array-write", "1M", "4", "S1"},
          new String[] {"array_write_1m_qd4_rp2g1", "array-write", "1M", "4", "RP_2G1"},
          new String[] {"array_write_1m_qd4_ec2p1", "array-write", "1M", "4", "EC_2P1G1"},
          new String[] {"array_read_1m_qd4_ec2p1", "array-read", "1M", "4", "EC_2P1G1"})) {
        System.err.println("jdaos-bench rebuild: daos_perf " + String.join(" ", row));
        out.add(row[0], perf(bin, sys, row[1], row[2], row[3], row[4], seconds, warmup));
      }
      out.add("rebuild", rebuild(sys, mib, rebuildTimeout));
    } catch (RuntimeException e) {
      out.addProperty("error", String.valueOf(e.getMessage()));
      rc = 1;
    } finally {
      List<ThrashSystem.Crash> crashes = sys.crashes();
      out.addProperty("daemon_crashes", crashes.toString());
      sys.close();
      Runtime.getRuntime().removeShutdownHook(hook);
      if (!keep) {
        try (var s = Files.walk(dir)) {
          s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      } else {
        out.addProperty("state_dir", dir.toString());
      }
    }
    System.out.println(out);
    System.exit(rc);
  }

  private static JsonObject perf(Path bin, ThrashSystem sys, String op, String size, String qd, String oclass,
      int seconds, int warmup) {
    List<String> cmd = List.of(bin.resolve("daos_perf").toString(), op, "--pool", "bench", "--cont",
        "perf-" + oclass.toLowerCase(), "--size", size, "--qd", qd, "--oclass", oclass, "--seconds",
        Integer.toString(seconds), "--warmup", Integer.toString(warmup));
    ThrashSystem.Cmd r = runWithAgent(cmd, sys, Duration.ofSeconds(seconds + warmup + 300L));
    String o = r.out();
    int i = o.lastIndexOf("\n{");
    String json = i >= 0 ? o.substring(i + 1) : o.startsWith("{") ? o : "";
    try {
      return JsonParser.parseString(json.strip()).getAsJsonObject();
    } catch (RuntimeException e) {
      JsonObject err = new JsonObject();
      err.addProperty("error", r.toString());
      return err;
    }
  }

  private static ThrashSystem.Cmd runWithAgent(List<String> cmd, ThrashSystem sys, Duration timeout) {
    try {
      Path out = Files.createTempFile("jdaos-bench-rebuild", ".out");
      try {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put(DaosClient.AGENT_DIR_ENV, sys.agentSocketDir().toString());
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          return new ThrashSystem.Cmd(124, "timed out: " + String.join(" ", cmd));
        }
        return new ThrashSystem.Cmd(p.exitValue(), Files.readString(out));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (Exception e) {
      return new ThrashSystem.Cmd(127, e.toString());
    }
  }

  /** N MiB into RP_2G1 arrays (1 MiB writes, 4 in flight), exclude one rank, time the rebuild to done. */
  private static JsonObject rebuild(ThrashSystem sys, int mib, int timeoutS) {
    JsonObject o = new JsonObject();
    o.addProperty("written_mib", mib);
    // A pool of its own, so that rs_size counts only what this step wrote (not the daos_perf objects).
    ThrashSystem.Cmd gone = sys.dmg(Duration.ofSeconds(120), "pool", "destroy", "bench", "--force", "--recursive");
    ThrashSystem.Cmd made = gone.ok() ? sys.dmg(Duration.ofSeconds(300), "pool", "create", "rebuild", "-z", "8G")
        : gone;
    if (!made.ok()) {
      o.addProperty("error", "a pool of its own for the rebuild: " + made);
      return o;
    }
    try (DaosClient client = DaosClient.builder().agentSocketDir(sys.agentSocketDir()).build()) {
      DaosPool pool = client.connectPool("rebuild", PoolRpc.PC_RW);
      pool.createContainer(ContainerProps.empty().withLabel("rebuild").withRedundancyFactor(1));
      DaosContainer cont = pool.openContainer("rebuild", ContRpc.COO_RW);
      byte[] block = new byte[1 << 20];
      new java.util.Random(7).nextBytes(block);
      int arrays = 16;
      List<DaosArray> as = new ArrayList<>();
      for (int a = 0; a < arrays; a++) {
        as.add(cont.createArray(cont.generateOid(ObjectType.ARRAY, ObjectClass.RP_2G1, 0), 1, 1 << 20));
      }
      long w0 = System.nanoTime();
      List<CompletableFuture<Void>> inflight = new ArrayList<>();
      for (int m = 0; m < mib; m++) {
        inflight.add(as.get(m % arrays).writeAsync((long) (m / arrays) << 20, block));
        if (inflight.size() == 4) {
          Futures.join(inflight.remove(0));
        }
      }
      inflight.forEach(Futures::join);
      o.addProperty("write_mb_per_sec", Math.round(mib * 1048576.0 / ((System.nanoTime() - w0) / 1e9) / 1e4) / 100.0);
      Map<Integer, JsonObject> members = sys.members();
      int victim = members.keySet().stream().max(Integer::compare).orElseThrow();
      long t = System.nanoTime();
      ThrashSystem.Cmd ex = sys.dmg(Duration.ofSeconds(120), "pool", "exclude", "rebuild", "--ranks",
          Integer.toString(victim));
      if (!ex.ok()) {
        o.addProperty("error", "dmg pool exclude: " + ex);
        return o;
      }
      int version = (int) ThrashSystem.num(sys.dmgJson("pool", "query", "rebuild"), "version");
      o.addProperty("excluded_rank", victim);
      o.addProperty("map_version", version);
      RebuildState[] last = {null};
      boolean done = ThrashSystem.poll(Duration.ofSeconds(timeoutS), () -> {
        try {
          last[0] = Futures.join(pool.rebuildStateAsync().orTimeout(30, TimeUnit.SECONDS));
        } catch (RuntimeException e) {
          return false;
        }
        return last[0].completedSince(version);
      });
      double s = (System.nanoTime() - t) / 1e9;
      if (!done) {
        o.addProperty("error", "rebuild of map version " + version + " not done within " + timeoutS
            + " s; last status " + last[0]);
        return o;
      }
      o.addProperty("seconds", Math.round(s * 100) / 100.0);
      o.addProperty("rs_seconds", last[0].seconds());
      o.addProperty("rs_errno", last[0].errno());
      o.addProperty("rs_size", last[0].bytes());
      o.addProperty("rs_obj_nr", last[0].objects());
      o.addProperty("rs_rec_nr", last[0].records());
      o.addProperty("mb_per_sec", Math.round(last[0].bytes() / s / 1e4) / 100.0);
    } catch (RuntimeException e) {
      o.addProperty("error", String.valueOf(e.getMessage()));
    }
    return o;
  }
}
