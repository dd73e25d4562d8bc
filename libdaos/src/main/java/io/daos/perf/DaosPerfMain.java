package io.daos.perf;

import io.daos.client.DaosClient;
import io.daos.common.status.DaosException;
import io.daos.placement.object.ObjectClass;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code daos_perf OP --pool P [flags]}: drives a running system through libdaos and prints one JSON object with
 * ops/s, MB/s and latency percentiles. Exit 0 on a clean run, 1 when operations failed or the system could not
 * be used, 2 on bad flags.
 */
@Command(name = "daos_perf", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Drive a running jdaos system through libdaos and print one JSON object:",
        "op, size, qd, oclass, keys, seconds, ops, ops_per_sec, mb_per_sec (10^6 B), p50_us, p99_us, errors.",
        "Read ops (fetch, kv-get, array-read) first write the working set, then read it back and check a sample",
        "of every value's bytes."},
    exitCodeOnInvalidInput = 2)
public final class DaosPerfMain implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "OP",
      description = "update, fetch, kv-put, kv-get, array-write or array-read")
  String op;

  @Option(names = "--pool", paramLabel = "LABEL|UUID", description = "Pool to use (must exist)")
  String pool;

  @Option(names = "--cont", paramLabel = "LABEL|UUID", defaultValue = "daos_perf",
      description = "Container to use; created if absent (default: ${DEFAULT-VALUE})")
  String cont;

  @Option(names = "--size", paramLabel = "BYTES", defaultValue = "4K",
      description = "Bytes per operation, e.g. 64, 4K, 1M (default: ${DEFAULT-VALUE})")
  String size;

  @Option(names = "--qd", paramLabel = "N", defaultValue = "1",
      description = "Operations in flight, through the async API (default: ${DEFAULT-VALUE})")
  int qd;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
      description = "Length of the measured phase (default: ${DEFAULT-VALUE})")
  double seconds;

  @Option(names = "--warmup", paramLabel = "S", defaultValue = "1",
      description = "Unmeasured phase before it (default: ${DEFAULT-VALUE})")
  double warmup;

  @Option(names = "--oclass", paramLabel = "CLASS", defaultValue = "SX",
      description = "Object class, as DAOS names it without OC_ (default: ${DEFAULT-VALUE}, as DAOS's daos_perf)")
  String oclass;

  @Option(names = "--keys", paramLabel = "N",
      description = "Working-set size: distinct keys (array ranges) cycled through"
          + " (default: 1024, at most 64 MiB of values)")
  Long keys;

  @Option(names = "--sys", paramLabel = "NAME", defaultValue = DaosClient.DEFAULT_SYSTEM,
      description = "DAOS system name (default: ${DEFAULT-VALUE})")
  String sys;

  private final Supplier<DaosClient.Builder> clients;
  private final PrintStream out;
  private final PrintStream err;

  DaosPerfMain(Supplier<DaosClient.Builder> clients, PrintStream out, PrintStream err) {
    this.clients = clients;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.exit(execute(DaosClient::builder, System.out, System.err, args));
  }

  /** Runs the command with clients from {@code clients} (tests give a fake system's); returns the exit code. */
  static int execute(Supplier<DaosClient.Builder> clients, PrintStream out, PrintStream err, String... args) {
    CommandLine cl = new CommandLine(new DaosPerfMain(clients, out, err));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("daos_perf: " + ex.getMessage());
      err.println("Run 'daos_perf --help' for the flags.");
      return 2;
    });
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    PerfConfig cfg;
    try {
      cfg = config();
    } catch (IllegalArgumentException e) {
      err.println("daos_perf: " + e.getMessage());
      err.println("Run 'daos_perf --help' for the flags.");
      return 2;
    }
    try (DaosClient client = clients.get().systemName(sys).build()) {
      PerfResult r = PerfRun.run(client, cfg, err);
      out.println(r.toJson());
      return r.errors() == 0 ? 0 : 1;
    } catch (DaosException e) {
      err.println("daos_perf: " + e.getMessage());
      return 1;
    }
  }

  PerfConfig config() {
    PerfOp o = PerfOp.parse(op);
    int sz = PerfConfig.parseSize(size);
    ObjectClass.byName(oclass);
    long k = keys != null ? keys : PerfConfig.defaultKeys(sz);
    return new PerfConfig(o, sz, qd, seconds, warmup, pool, cont, oclass, k);
  }
}
