package io.daos.itest;

/**
 * What itest's test classes hold while they run (JUnit {@code @ResourceLock}); classes run two at a time
 * (src/test/resources/junit-platform.properties). Two process tests never overlap (they share the loopback control
 * port and dmg's archive); two classes on {@link SharedClusters}' clusters never overlap (they share those clusters
 * and pool labels). A class that starts its own in-process cluster holds no lock (its ports come from {@link Ports},
 * its directories are its own and its fault hooks are its engines', so it may run next to any other class) but
 * {@link #BIG_POOLS} when its pools are large.
 */
public final class TestLocks {
  /** Held by a class that starts daos_server, daos_engine, daos_agent or dmg processes. */
  public static final String PROCESSES = "jdaos real processes";
  /**
   * Held by a class whose pools reserve 16 GiB of blobs on the disk (fallocate) each, with a pool per test that a
   * failed destroy can leave until the class ends: two such classes at once have filled a test machine's disk.
   */
  public static final String BIG_POOLS = "jdaos 16 GiB pools";
  /** Held by a class that uses {@link SharedClusters}' in-process clusters. */
  public static final String IN_PROCESS = "jdaos in-process clusters";

  private TestLocks() {
  }
}
