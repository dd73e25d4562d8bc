package io.daos.tool.thrash;

import io.daos.client.DaosKv;
import io.daos.client.rpc.Futures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The end-of-run check: every key the writer touched is read back through the normal read path (any replica, with
 * fail-over) and from each replica alone ({@link DaosKv#getReplicaAsync}). A key whose last acknowledged version is
 * missing, older, or not byte-exact is a lost write; a key whose replicas do not hold identical bytes is divergent;
 * a replica that cannot be read (not placed, rebuilding, unreachable) is counted as unverifiable, not as agreement.
 */
final class Verifier {
  /** What was found. */
  static final class Result {
    long keysChecked;
    long ackedKeys;
    long lost;
    long divergent;
    long readErrors;
    long replicaReads;
    long replicaUnverifiable;
    final Map<String, Long> replicaErrors = new TreeMap<>();
    final List<String> examples = new ArrayList<>();

    synchronized void example(String s) {
      if (examples.size() < 10) {
        examples.add(s);
      }
    }
  }

  private final Writer w;
  private final int valueSize;
  private final int qd;

  Verifier(Writer w, int valueSize, int qd) {
    this.w = w;
    this.valueSize = valueSize;
    this.qd = qd;
  }

  Result run(long timeoutSeconds) throws InterruptedException {
    Result res = new Result();
    Semaphore inFlight = new Semaphore(qd);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    for (int key = 0; key < w.keys(); key++) {
      int attempted = w.attempted(key);
      if (attempted == 0) {
        continue;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || !inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        res.example("verification timed out after " + timeoutSeconds + " s at key " + key);
        break;
      }
      int k = key;
      check(k, w.acked(k), attempted, res).whenComplete((x, e) -> inFlight.release());
    }
    long left = Math.max(0, deadline - System.nanoTime());
    if (!inFlight.tryAcquire(qd, left + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS)) {
      res.example("verification: reads still in flight at the deadline");
    }
    return res;
  }

  private CompletableFuture<Void> check(int key, int acked, int attempted, Result res) {
    DaosKv kv = w.kvOf(key);
    byte[] kb = Writer.keyBytes(key);
    int replicas = kv.replicas();
    CompletableFuture<byte[]> main = kv.getAsync(kb);
    List<CompletableFuture<byte[]>> each = new ArrayList<>();
    for (int r = 0; r < replicas; r++) {
      each.add(kv.getReplicaAsync(kb, r));
    }
    List<CompletableFuture<?>> all = new ArrayList<>(each);
    all.add(main);
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((x, e) -> {
      synchronized (res) {
        res.keysChecked++;
        if (acked > 0) {
          res.ackedKeys++;
        }
        byte[] v;
        try {
          v = Futures.join(main);
        } catch (RuntimeException err) {
          res.readErrors++;
          if (acked > 0) {
            res.lost++;
            res.example("k" + key + ": read failed (" + err.getMessage() + "), acknowledged version " + acked);
          }
          v = null;
        }
        if (v != null || acked > 0) {
          String why = judge(key, v, acked, attempted);
          if (why != null) {
            res.lost++;
            res.example("k" + key + ": " + why);
          }
        }
        List<byte[]> seen = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
          res.replicaReads++;
          try {
            seen.add(Futures.join(each.get(r)));
          } catch (RuntimeException err) {
            res.replicaUnverifiable++;
            String st = statusOf(err);
            res.replicaErrors.merge(st, 1L, Long::sum);
          }
        }
        for (int i = 1; i < seen.size(); i++) {
          if (!Arrays.equals(seen.get(0), seen.get(i))) {
            res.divergent++;
            res.example("k" + key + ": replicas differ: " + describe(seen));
            break;
          }
        }
      }
      return null;
    });
  }

  /** Null when {@code v} is an acceptable final value of the key, else why not. */
  private String judge(int key, byte[] v, int acked, int attempted) {
    if (v == null) {
      return "missing; acknowledged version " + acked;
    }
    if (v.length != valueSize) {
      return "value of " + v.length + " bytes, written " + valueSize;
    }
    ByteBuffer b = ByteBuffer.wrap(v);
    int k = b.getInt();
    int ver = b.getInt();
    if (k != key) {
      return "holds key " + k + "'s value";
    }
    if (ver < acked) {
      return "holds version " + ver + ", older than acknowledged version " + acked;
    }
    if (ver > attempted) {
      return "holds version " + ver + ", never written (last attempted " + attempted + ")";
    }
    if (!Arrays.equals(v, Writer.value(key, ver, valueSize))) {
      return "version " + ver + " is not byte-exact";
    }
    return null;
  }

  private static String describe(List<byte[]> seen) {
    List<String> out = new ArrayList<>();
    for (byte[] v : seen) {
      out.add(v == null ? "absent" : v.length >= 8 ? "v" + ByteBuffer.wrap(v).getInt(4) + "/" + v.length + "B"
          : v.length + "B");
    }
    return String.join(", ", out);
  }

  static String statusOf(Throwable e) {
    try {
      return Futures.unwrap(e).status().symbol();
    } catch (RuntimeException other) {
      return e.getClass().getSimpleName();
    }
  }
}
