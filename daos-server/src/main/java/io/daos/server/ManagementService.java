package io.daos.server;

import io.daos.common.LifeCycle;
import io.daos.security.tls.DaosTrustManager;
import io.daos.security.tls.TlsIdentity;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.sysdb.LeadershipListener;
import io.daos.server.sysdb.SystemDatabase;
import io.daos.server.system.Membership;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MS on a replica: the Ratis {@link SystemDatabase} (storage {@code <scm_mount of engine 0>/control_raft}, Raft
 * port = control port + 1) and the {@link Membership} on it, attached to the MgmtSvc's {@link MsAccess} once
 * running. DAOS starts it when engine 0's storage is ready. In a secure system the replicas talk Raft over mutual
 * TLS with the server certificate and accept only peers holding a server certificate of the system's CA (DAOS's
 * raft transport runs inside its TLS gRPC server).
 */
final class ManagementService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ManagementService.class);

  private final MsAccess access;
  private final String replicaAddr;
  private final List<String> replicas;
  private final Path storageDir;
  private final LifeCycle lifeCycle;
  private final LeadershipListener leadership;
  private final TlsIdentity tls;
  private SystemDatabase db;
  private boolean erased;

  /** {@code tls}: the server certificate in a secure system, null in insecure mode. */
  ManagementService(MsAccess access, String replicaAddr, List<String> replicas, Path storageDir,
      LeadershipListener leadership, TlsIdentity tls) {
    this.tls = tls;
    this.access = access;
    this.replicaAddr = replicaAddr;
    this.replicas = List.copyOf(replicas);
    this.storageDir = storageDir;
    this.leadership = leadership;
    this.lifeCycle = new LifeCycle("MS replica " + replicaAddr);
  }

  /**
   * Starts the database (idempotent: later storage-ready notifications are ignored), or starts the empty one
   * after {@link #eraseAndRestart()} (the first storage-ready notification after the format).
   */
  synchronized void start() throws IOException {
    if (erased && lifeCycle.isRunning()) {
      LOG.info("MS replica {}: starting erased database in {}", replicaAddr, storageDir);
      try {
        openDb();
      } catch (IOException | RuntimeException e) {
        closeDb();
        throw e;
      }
      erased = false;
      return;
    }
    if (!lifeCycle.compareAndTransition(LifeCycle.State.NEW, LifeCycle.State.STARTING)) {
      return;
    }
    LOG.info("MS replica {}: starting database in {}", replicaAddr, storageDir);
    try {
      openDb();
      lifeCycle.transition(LifeCycle.State.RUNNING);
    } catch (IOException | RuntimeException e) {
      lifeCycle.transition(LifeCycle.State.FAILED);
      closeDb();
      throw e;
    }
  }

  private void openDb() throws IOException {
    SystemDatabase.Builder b = SystemDatabase.builder().replicaAddr(replicaAddr).replicas(replicas)
        .storageDir(storageDir);
    if (tls != null) {
      b.raftTls(tls.keyManagers()[0], DaosTrustManager.checkingServers(tls));
    }
    db = b.build();
    db.addLeadershipListener(leadership);
    db.start();
    access.attach(db, new Membership(db).withJoinBatchWindow(Membership.DAOS_JOIN_BATCH_WINDOW));
  }

  /**
   * SystemErase on this replica (DAOS eraseAndRestart): stops the database and removes its files. The empty
   * database starts with engine 0's next storage-ready notification, after {@code dmg storage format} (DAOS
   * re-executes daos_server, whose MS waits for the format the same way): the format rewrites the SCM mount
   * the database lives in, so a database reopened at once would lose its files under it.
   *
   * @throws IllegalStateException if the database is not running
   */
  synchronized void eraseAndRestart() throws IOException {
    if (!lifeCycle.isRunning()) {
      throw new IllegalStateException("MS replica " + replicaAddr + ": system database not running");
    }
    if (erased) {
      return;
    }
    LOG.info("MS replica {}: erasing system database in {}; it starts again after the storage format",
        replicaAddr, storageDir);
    access.detach();
    closeDb();
    deleteTree(storageDir);
    erased = true;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The membership, when the database runs. */
  Membership membership() {
    return access.ms().map(MsAccess.Ms::membership).orElse(null);
  }

  @Override
  public synchronized void close() {
    if (!lifeCycle.checkStateAndClose()) {
      return;
    }
    access.detach();
    closeDb();
    lifeCycle.transition(LifeCycle.State.CLOSED);
  }

  private void closeDb() {
    if (db != null) {
      db.close();
      db = null;
    }
  }
}
