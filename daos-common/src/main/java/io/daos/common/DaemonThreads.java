package io.daos.common;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads with names that say what they do (they show in thread dumps, logs and {@code /proc/<pid>/task}):
 * none of them keeps a daemon's JVM alive once its main path has closed everything.
 */
public final class DaemonThreads {
  private DaemonThreads() {
  }

  /** Every thread it makes is called {@code name} (for single-thread executors). */
  public static ThreadFactory named(String name) {
    return r -> daemon(r, name);
  }

  /** Its threads are called {@code prefix-1}, {@code prefix-2}, ... */
  public static ThreadFactory numbered(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> daemon(r, prefix + "-" + n.incrementAndGet());
  }

  /** Starts {@code r} on a new daemon thread called {@code name}. */
  public static Thread start(String name, Runnable r) {
    Thread t = daemon(r, name);
    t.start();
    return t;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
