package io.daos.itest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In-process clusters shared by every test class of this JVM that asks for the same shape (servers × engines ×
 * targets, one MS replica): started on first use, closed and deleted when the test run ends. Test classes that use
 * them are {@code @ExtendWith(SharedClusters.class)}; each test makes its own pool and undoes what it broke.
 */
public final class SharedClusters implements BeforeAllCallback {
  private static final Map<Shape, InProcessCluster> CLUSTERS = new ConcurrentHashMap<>();

  /** servers × engines per server × targets per engine. */
  public record Shape(int servers, int engines, int targets) {
  }

  /** The shared cluster of {@code shape}, started and with every engine joined. */
  public static synchronized InProcessCluster get(Shape shape) {
    InProcessCluster c = CLUSTERS.get(shape);
    if (c == null) {
      c = start(shape);
      CLUSTERS.put(shape, c);
    }
    return c;
  }

  private static InProcessCluster start(Shape shape) {
    try {
      Path dir = Files.createTempDirectory("jdaos-inproc-");
      long t0 = System.nanoTime();
      InProcessCluster c = MiniDaosCluster.builder(dir).inProcess().servers(shape.servers()).engines(shape.engines())
          .targets(shape.targets()).replicas(1).start();
      c.waitForReady();
      System.out.printf("shared in-process cluster %s ready after %d ms%n", shape,
          (System.nanoTime() - t0) / 1_000_000);
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ExtensionContext.Store root = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
    root.getOrComputeIfAbsent(SharedClusters.class,
        k -> (ExtensionContext.Store.CloseableResource) SharedClusters::closeAll);
  }

  private static synchronized void closeAll() {
    CLUSTERS.values().forEach(c -> {
      c.close();
      deleteTree(c.dir());
    });
    CLUSTERS.clear();
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("cannot delete " + dir + ": " + e);
    }
  }
}
