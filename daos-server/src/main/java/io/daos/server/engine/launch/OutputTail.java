package io.daos.server.engine.launch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The last lines an engine wrote to stderr, kept so that its exit status can say why it exited (the member's info
 * in {@code dmg system query -v} and the server log). Bounded: {@value #MAX_LINES} lines of at most
 * {@value #MAX_LINE} characters.
 */
final class OutputTail {
  static final int MAX_LINES = 5;
  static final int MAX_LINE = 240;

  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  synchronized void add(String line) {
    String l = line.strip();
    if (l.isEmpty()) {
      return;
    }
    if (lines.size() == MAX_LINES) {
      lines.removeFirst();
    }
    lines.addLast(l.length() > MAX_LINE ? l.substring(0, MAX_LINE) + "..." : l);
  }

  /** The stream has ended: every line is in. */
  void close() {
    closed.complete(null);
  }

  /** Completes when the stream has ended, or after {@code wait} (an engine's child may hold the pipe open). */
  CompletableFuture<List<String>> lines(Duration wait) {
    return closed.completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS).thenApply(v -> snapshot());
  }

  synchronized List<String> snapshot() {
    return List.copyOf(lines);
  }

  /** {@code status} followed by the tail, e.g. {@code exit status 1; stderr: daos_engine: D_PORT ...}. */
  static String withTail(String status, List<String> tail) {
    return tail.isEmpty() ? status : status + "; stderr: " + String.join(" | ", tail);
  }
}
