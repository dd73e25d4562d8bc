package io.daos.perf;

import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosPool;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.client.cont.ContainerProps;
import java.io.PrintStream;
import java.util.UUID;

/**
 * One {@code daos_perf} run on a connected client: connect the pool, open (or create) the container, create a
 * fresh object, write the working set first when the op reads, warm up, then measure.
 */
public final class PerfRun {
  private final PerfConfig cfg;
  private final PrintStream notes;

  private PerfRun(PerfConfig cfg, PrintStream notes) {
    this.cfg = cfg;
    this.notes = notes;
  }

  /**
   * Runs {@code cfg} through {@code client}; notes (container created, first error) go to {@code notes}.
   *
   * @throws DaosException when the pool, container or object cannot be opened
   */
  public static PerfResult run(DaosClient client, PerfConfig cfg, PrintStream notes) {
    return new PerfRun(cfg, notes).run(client);
  }

  private PerfResult run(DaosClient client) {
    try (DaosPool pool = client.connectPool(cfg.pool(), DaosPool.RW);
         DaosContainer cont = openOrCreate(pool)) {
      Workload w = Workload.create(cfg.op(), cont, cfg.objectClass(), cfg.size());
      long errors = 0;
      if (cfg.op().isRead()) {
        Driver.Outcome prep = Driver.run(cfg.qd(), Long.MAX_VALUE, cfg.keys(), null, writes(w, 0));
        errors += report("preparation (writing " + cfg.keys() + " keys)", prep);
        if (prep.errors() > 0) {
          return result(w, new Driver.Outcome(0, 0, 0, null), new LatencyHistogram(), errors);
        }
      }
      Driver.Outcome warm = Driver.run(cfg.qd(), nanos(cfg.warmup()), Long.MAX_VALUE, null, op(w, 0));
      errors += report("warm-up", warm);
      LatencyHistogram hist = new LatencyHistogram();
      Driver.Outcome m = Driver.run(cfg.qd(), nanos(cfg.seconds()), Long.MAX_VALUE, hist, op(w, warm.ops()));
      errors += report("measurement", m);
      return result(w, m, hist, errors);
    }
  }

  private PerfResult result(Workload w, Driver.Outcome m, LatencyHistogram hist, long errors) {
    return new PerfResult(cfg.op().cliName(), cfg.size(), cfg.qd(), cfg.objectClass().name(), cfg.keys(),
        m.seconds(), m.ops(), errors, hist.percentile(50), hist.percentile(99));
  }

  private DaosContainer openOrCreate(DaosPool pool) {
    try {
      return pool.openContainer(cfg.cont(), DaosContainer.RW);
    } catch (DaosException e) {
      if (e.status() != DaosStatus.NONEXIST && e.status() != DaosStatus.CONT_NONEXIST) {
        throw e;
      }
      if (io.daos.common.Uuids.isCanonical(cfg.cont())) {
        throw new DaosException(e.status(), "container " + cfg.cont() + " does not exist in pool " + cfg.pool()
            + "; give a label (--cont NAME) to have daos_perf create it", e);
      }
    }
    UUID uuid = pool.createContainer(ContainerProps.empty().withLabel(cfg.cont()));
    notes.println("daos_perf: created container " + cfg.cont() + " (" + uuid + ") in pool " + cfg.pool());
    return pool.openContainer(uuid.toString(), DaosContainer.RW);
  }

  /**
   * Writes key {@code (base + seq) % keys} from the slot's buffer: a direct one where the workload takes buffers
   * (arrays: DAOS's daos_perf writes from memory it allocated once, which the sgl points at), else an array.
   */
  private Driver.Op writes(Workload w, long base) {
    if (w.writesBuffers()) {
      java.nio.ByteBuffer[] direct = new java.nio.ByteBuffer[cfg.qd()];
      return (slot, seq) -> {
        java.nio.ByteBuffer b = direct[slot];
        if (b == null) {
          byte[] pattern = new byte[cfg.size()];
          Payload.pattern(pattern);
          b = java.nio.ByteBuffer.allocateDirect(cfg.size()).put(pattern).flip();
          direct[slot] = b;
        }
        long k = (base + seq) % cfg.keys();
        Payload.stamp(b, k);
        return w.write(k, b);
      };
    }
    byte[][] bufs = new byte[cfg.qd()][];
    return (slot, seq) -> {
      byte[] b = bufs[slot];
      if (b == null) {
        b = new byte[cfg.size()];
        Payload.pattern(b);
        bufs[slot] = b;
      }
      long k = (base + seq) % cfg.keys();
      Payload.stamp(b, k);
      return w.write(k, b);
    };
  }

  /**
   * Reads key {@code (base + seq) % keys} (into the slot's buffer where the API takes one) and checks a sample of its
   * bytes; the sampled bytes of a reused buffer are spoilt first, so a read that left it untouched cannot pass.
   */
  private Driver.Op reads(Workload w, long base) {
    byte[][] bufs = new byte[cfg.qd()][];
    return (slot, seq) -> {
      long k = (base + seq) % cfg.keys();
      byte[] b = bufs[slot];
      if (b == null) {
        b = new byte[cfg.size()];
        bufs[slot] = b;
      } else {
        Payload.spoil(b, k);
      }
      return w.read(k, b).thenApply(got -> {
        String bad = Payload.check(got, cfg.size(), k);
        if (bad != null) {
          throw new IllegalStateException("read-back mismatch in object " + w.oid() + ": " + bad);
        }
        return got;
      });
    };
  }

  private Driver.Op op(Workload w, long base) {
    return cfg.op().isRead() ? reads(w, base) : writes(w, base);
  }

  private long report(String phase, Driver.Outcome o) {
    if (o.errors() > 0) {
      notes.println("daos_perf: " + o.errors() + " operation(s) failed during " + phase + "; first: "
          + o.firstError());
    }
    return o.errors();
  }

  private static long nanos(double seconds) {
    return (long) (seconds * 1e9);
  }
}
