package io.daos.itest;

/**
 * What itest's test classes hold while they run (JUnit {@code @ResourceLock}): classes run two at a time
 * (src/test/resources/junit-platform.properties), one that starts real processes next to one that runs an in-process
 * cluster, so the process tests' waits on timeouts and frozen hosts overlap the in-process tests' CPU work. Two
 * process tests never overlap (they share the loopback control port and dmg's archive); two in-process tests never
 * overlap (they share {@link SharedClusters}' clusters and pool labels).
 */
public final class TestLocks {
  /** Held by a class that starts daos_server, daos_engine, daos_agent or dmg processes. */
  public static final String PROCESSES = "jdaos real processes";
  /** Held by a class that runs servers and engines in this JVM. */
  public static final String IN_PROCESS = "jdaos in-process clusters";

  private TestLocks() {
  }
}
