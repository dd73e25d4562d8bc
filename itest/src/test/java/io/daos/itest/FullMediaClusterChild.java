package io.daos.itest;

import io.daos.client.DaosClient;
import io.daos.client.DaosContainer;
import io.daos.client.DaosKv;
import io.daos.client.DaosPool;
import io.daos.client.cont.ContainerProps;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.itest.inproc.InProcessEngine;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectType;
import io.daos.rpc.ContRpc;
import io.daos.rpc.PoolRpc;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The body of {@link FullMediaClusterTest}, run in a child JVM in a mount namespace of its own: an in-process system
 * of one daos_server with one engine of one target, whose SCM mount ({@code args[0]/host0/scm0}) and bdev directory
 * ({@code args[0]/host0/nvme0}) are each a small tmpfs the parent mounted. A fault in mapped files would kill this
 * JVM, not fail a test. Prints one line per step; exits 0 after "ALL OK", 1 with the failed step otherwise.
 */
public final class FullMediaClusterChild {
  /** The SCM share of the NVMe pool: DAOS's 16 MiB per target minimum. */
  static final long SCM = 16L << 20;
  /** The NVMe share of the NVMe pool: DAOS's 1 GiB per target minimum. */
  static final long NVME = 1L << 30;
  /** The SCM-only pool of step 4. */
  static final long SCM_ONLY = 64L << 20;
  /** Below data_thresh (4 KiB): kept in the LMDB index (SCM). */
  static final int SMALL = 2000;
  /** Above data_thresh: kept in the blob (NVMe). */
  static final int LARGE = 1 << 20;

  private final Path scm;
  private final InProcessCluster cluster;
  private DaosClient client;

  private FullMediaClusterChild(Path scm, InProcessCluster cluster) {
    this.scm = scm;
    this.cluster = cluster;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path scm = dir.resolve("host0/scm0");
    int rc = 1;
    try (InProcessCluster c = MiniDaosCluster.builder(dir).inProcess().servers(1).engines(1).targets(1).replicas(1)
        .start()) {
      c.waitForReady();
      FullMediaClusterChild t = new FullMediaClusterChild(scm, c);
      try {
        t.run();
        System.out.println("ALL OK");
        rc = 0;
      } catch (StepFailed e) {
        System.out.println("FAILED: " + e.getMessage());
        System.out.println(c.logs());
      } finally {
        if (t.client != null) {
          t.client.close();
        }
      }
    } catch (Throwable e) {
      System.out.println("FAILED with " + e);
      e.printStackTrace(System.out);
    }
    System.out.flush();
    Runtime.getRuntime().halt(rc);
  }

  private void run() throws Exception {
    client = cluster.newDaosClient();
    long scmFs = Files.getFileStore(scm).getTotalSpace();
    check("the SCM mount is a small file system of its own: " + scmFs + " B", scmFs < 2L << 30);

    // 1. A pool larger than the SCM file system (its LMDB map, then its blob): DER_NOSPACE, nothing left behind.
    createRefused("tooBigScm", scmFs + (64L << 20), NVME);
    createRefused("tooBigNvme", SCM, scmFs);

    // 2. Small values fill the SCM tier (the LMDB map) of a pool with NVMe.
    cluster.createPool("nvmepool", SCM, NVME, 1);
    DaosPool pool = client.connectPool("nvmepool", PoolRpc.PC_RW);
    DaosKv small = kv(pool, "small");
    int smallOk = fill(small, "s", SMALL, 100_000);
    check("small values stored before SCM filled: " + smallOk, smallOk > 1000);
    check("an old small value reads back", value(small.get("s7"), 7, SMALL));
    check("a small value written just before the fill reads back", value(small.get("s" + (smallOk - 1)),
        smallOk - 1, SMALL));
    engineAlive();

    // 5 (SCM). The container's destroy gives the SCM back: a write fits again.
    pool.destroyContainer("small", true);
    DaosKv large = kv(pool, "large");
    large.put("probe", fillWith(SMALL, 1));
    check("after destroying the full container a small write fits again", value(large.get("probe"), 1, SMALL));

    // 3. Large values fill the NVMe tier (the blob).
    int largeOk = fill(large, "l", LARGE, 4000);
    check("large values stored before NVMe filled: " + largeOk + " MiB", (long) largeOk * LARGE >= NVME * 9 / 10);
    check("an old large value reads back", value(large.get("l3"), 3, LARGE));
    check("the small value still reads back", value(large.get("probe"), 1, SMALL));
    engineAlive();

    // 4. The whole file system full: an SCM-only pool on the same mount, the rest of it eaten by another file.
    cluster.createPool("scmpool", SCM_ONLY, 0, 1);
    DaosPool scmPool = client.connectPool("scmpool", PoolRpc.PC_RW);
    DaosKv onFull = kv(scmPool, "full");
    Path eater = scm.resolve("space-eater");
    fillFileSystem(eater);
    check("the SCM file system is full: " + Files.getFileStore(scm).getUsableSpace() + " B free",
        Files.getFileStore(scm).getUsableSpace() < 1 << 20);
    int fullOk = fill(onFull, "f", 256 << 10, 1000);
    check("values stored in the SCM-only pool until the file system filled: " + fullOk, fullOk > 0);
    check("a value in the SCM-only pool reads back", value(onFull.get("f0"), 0, 256 << 10));
    check("the NVMe pool's old value reads back with the file system full", value(large.get("l3"), 3, LARGE));
    engineAlive();
    DaosStatus created = null;
    try {
      scmPool.createContainer(ContainerProps.empty().withLabel("whilefull"));
    } catch (RuntimeException e) {
      created = status(e);
    }
    check("a container create (pool service Raft log, VOS) with the file system full succeeds or gives DER_NOSPACE: "
        + created, created == null || created == DaosStatus.NOSPACE);
    engineAlive();
    Files.delete(eater);
    kv(scmPool, "afterfull").put("k", fillWith(SMALL, 2));
    check("with space back the pool service creates a container", true);

    // 5. Destroys give the space back.
    long freeBefore = Files.getFileStore(scm).getUsableSpace();
    cluster.destroyPool("scmpool");
    long freeAfter = Files.getFileStore(scm).getUsableSpace();
    check("destroying the SCM-only pool frees its files: " + freeBefore + " -> " + freeAfter + " B free",
        freeAfter - freeBefore >= SCM_ONLY - (1 << 20));
    pool.destroyContainer("large", true);
    DaosKv again = kv(pool, "again");
    for (int i = 0; i < 8; i++) {
      again.put("a" + i, fillWith(LARGE, i));
    }
    check("after destroying the full container large writes fit again", value(again.get("a5"), 5, LARGE));
    small = kv(pool, "small2");
    small.put("s1", fillWith(SMALL, 1));

    // 6. The engine restarts on the same mounts and reads its data back.
    client.close();
    client = null;
    cluster.restartServer(0);
    cluster.waitForReady();
    client = cluster.newDaosClient();
    pool = client.connectPool("nvmepool", PoolRpc.PC_RW);
    DaosContainer cont = pool.openContainer("again", ContRpc.COO_RW);
    DaosKv back = cont.openKv(oid(cont));
    check("after a restart a large value reads back", value(back.get("a5"), 5, LARGE));
    cont = pool.openContainer("small2", ContRpc.COO_RW);
    check("after a restart a small value reads back", value(cont.openKv(oid(cont)).get("s1"), 1, SMALL));
    back.put("a8", fillWith(LARGE, 8));
    check("after a restart a write fits", value(back.get("a8"), 8, LARGE));
    check("no pool directory but the NVMe pool's on the SCM mount: " + poolDirs(), poolDirs().size() == 1);
  }

  /** A pool create the SCM file system cannot hold is refused with DER_NOSPACE and leaves no directory. */
  private void createRefused(String label, long scmBytes, long nvmeBytes) throws IOException {
    List<String> before = poolDirs();
    int st = cluster.tryCreatePool(label, scmBytes, nvmeBytes, 1);
    check("pool create of " + scmBytes + " B SCM + " + nvmeBytes + " B NVMe on a " + Files.getFileStore(scm)
        .getTotalSpace() + " B file system gives DER_NOSPACE (status " + st + ")",
        st == DaosStatus.NOSPACE.code());
    check("nothing left behind on the SCM mount: " + poolDirs(), poolDirs().equals(before));
    check("the MS lists no pool " + label, !poolLabels().contains(label));
    engineAlive();
  }

  /** The labels of the pools the MS lists (as {@code dmg pool list}). */
  private List<String> poolLabels() {
    try (io.daos.control.ControlClient c = cluster.newControlClient()) {
      return c.invokeMs(io.daos.proto.mgmt.MgmtSvcGrpc.getListPoolsMethod(), io.daos.proto.mgmt.ListPoolsReq
          .newBuilder().setSys("daos_server").build(), java.time.Duration.ofSeconds(30)).getPoolsList().stream()
          .map(io.daos.proto.mgmt.ListPoolsResp.Pool::getLabel).toList();
    }
  }

  private List<String> poolDirs() throws IOException {
    try (Stream<Path> s = Files.list(scm)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.length() == 36 && n.charAt(8) == '-').sorted()
          .toList();
    }
  }

  /** Puts values of {@code size} bytes under new keys until DER_NOSPACE; returns how many fit. */
  private static int fill(DaosKv kv, String prefix, int size, int max) {
    for (int i = 0; i < max; i++) {
      try {
        kv.put(prefix + i, fillWith(size, i));
      } catch (RuntimeException e) {
        DaosStatus st = status(e);
        check("put " + prefix + i + " of " + size + " B fails with " + st + " (" + e.getMessage() + ")",
            st == DaosStatus.NOSPACE);
        return i;
      }
    }
    throw new StepFailed(max + " values of " + size + " B with prefix " + prefix + " fitted; expected DER_NOSPACE");
  }

  private static DaosStatus status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DaosException de) {
        return de.status();
      }
    }
    return null;
  }

  private void engineAlive() {
    List<InProcessEngine> es = cluster.engines();
    check("the engine still runs", es.size() == 1 && es.get(0).isAlive());
  }

  private static DaosKv kv(DaosPool pool, String label) {
    pool.createContainer(ContainerProps.empty().withLabel(label));
    DaosContainer c = pool.openContainer(label, ContRpc.COO_RW);
    return c.openKv(oid(c));
  }

  private static io.daos.placement.object.ObjectId oid(DaosContainer c) {
    return c.encodeOid(1, 0, ObjectType.KV_HASHED, ObjectClass.S1, 0);
  }

  /** Writes a file until the file system is full. */
  private static void fillFileSystem(Path p) throws IOException {
    byte[] chunk = new byte[1 << 16];
    try (OutputStream o = Files.newOutputStream(p)) {
      while (true) {
        o.write(chunk);
      }
    } catch (IOException e) {
      if (e.getMessage() == null || !e.getMessage().contains("No space left")) {
        throw e;
      }
    }
  }

  private static byte[] fillWith(int size, int i) {
    byte[] b = new byte[size];
    Arrays.fill(b, (byte) i);
    b[0] = (byte) (i >> 8);
    return b;
  }

  private static boolean value(byte[] got, int i, int size) {
    return got != null && Arrays.equals(got, fillWith(size, i));
  }

  private static void check(String what, boolean ok) {
    if (!ok) {
      throw new StepFailed(what);
    }
    System.out.println("ok: " + what);
  }

  /** A step that did not see what it should. */
  static final class StepFailed extends RuntimeException {
    StepFailed(String what) {
      super(what);
    }
  }
}
