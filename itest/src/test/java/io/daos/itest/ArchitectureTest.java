package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules of docs/architecture.md, checked on every module's main code: each package has a
 * {@code package-info.java}, holds at most {@value #MAX_FILES} source files, and no two packages depend on each
 * other through any chain (the package graph that {@code jdeps} reads from the compiled classes is acyclic).
 */
class ArchitectureTest {
  static final int MAX_FILES = 20;
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.daos(?:\\.[a-z][a-z0-9_]*)+)\\.[A-Z].*;$");
  private static final Pattern EDGE = Pattern.compile("^\\s+(io\\.daos\\.\\S+)\\s+->\\s+(io\\.daos\\.\\S+)\\s");

  @Test
  void everyPackageHasPackageInfo() throws IOException {
    List<String> missing = new ArrayList<>();
    forEachPackage((pkg, dir) -> {
      if (!Files.exists(dir.resolve("package-info.java"))) {
        missing.add(pkg);
      }
    });
    assertEquals(List.of(), missing, "packages without package-info.java");
  }

  @Test
  void noPackageHoldsMoreThanTwentyFiles() throws IOException {
    Map<String, Long> big = new TreeMap<>();
    forEachPackage((pkg, dir) -> {
      long n = sources(dir);
      if (n > MAX_FILES) {
        big.put(pkg, n);
      }
    });
    assertEquals(Map.of(), big, "packages with more than " + MAX_FILES + " main source files");
  }

  @Test
  void packageGraphHasNoCycles() throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (Path classes : classDirs()) {
      readEdges(classes, graph);
    }
    forEachPackage((pkg, dir) -> readImports(pkg, dir, graph));
    assertTrue(graph.size() > 20, () -> "jdeps found too few packages: " + graph.keySet());
    List<List<String>> cycles = new PackageCycles(graph).find();
    assertEquals(List.of(), cycles, "package cycles (each list is one strongly connected set of packages)");
  }

  /** docs/architecture.md's walks name files by path; each must be (the end of) a main source file's path. */
  @Test
  void architectureDocNamesExistingFiles() throws IOException {
    List<String> all = new ArrayList<>();
    for (Path root : sourceRoots()) {
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.toString().endsWith(".java")).forEach(p -> all.add("/" + projectRoot().relativize(p)));
      }
    }
    String doc = Files.readString(projectRoot().resolve("docs/architecture.md"));
    Matcher m = Pattern.compile("`([\\w/]+\\.java)`").matcher(doc);
    List<String> missing = new ArrayList<>();
    int named = 0;
    while (m.find()) {
      named++;
      String path = "/" + m.group(1);
      if (all.stream().noneMatch(f -> f.endsWith(path))) {
        missing.add(m.group(1));
      }
    }
    assertTrue(named > 20, "docs/architecture.md names " + named + " files");
    assertEquals(List.of(), missing, "files named in docs/architecture.md that do not exist");
  }

  /** {@code <root>/<module>/src/main/java} of every module of the build. */
  /**
   * Every data-plane opcode libdaos names is client-facing ({@link io.daos.rpc.RpcAccess}): an engine refuses any
   * other from a connection that did not prove the system's fabric key, so a client call missing from the list
   * would fail with DER_NO_PERM.
   */
  @Test
  void everyOpcodeLibdaosSendsIsClientFacing() throws Exception {
    Pattern ref = Pattern.compile("\\b(PoolRpc|ContRpc|ObjRpc|MgmtRpc)\\.([A-Z_]+)\\b");
    java.util.Set<String> named = new java.util.TreeSet<>();
    try (Stream<Path> s = Files.walk(projectRoot().resolve("libdaos/src/main/java"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = ref.matcher(Files.readString(f));
        while (m.find()) {
          named.add(m.group(1) + "." + m.group(2));
        }
      }
    }
    List<String> refused = new ArrayList<>();
    int opcodes = 0;
    for (String n : named) {
      int dot = n.indexOf('.');
      Object v = Class.forName("io.daos.rpc." + n.substring(0, dot)).getField(n.substring(dot + 1)).get(null);
      if (v instanceof io.daos.cart.Opcode op) {
        opcodes++;
        if (!io.daos.rpc.RpcAccess.clientFacing(op.code())) {
          refused.add(n);
        }
      }
    }
    assertTrue(opcodes > 20, "libdaos names " + opcodes + " opcodes");
    assertTrue(refused.isEmpty(), "libdaos sends opcodes the engines serve only to engines: " + refused);
  }

  static List<Path> sourceRoots() throws IOException {
    try (Stream<Path> s = Files.list(projectRoot())) {
      return s.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList();
    }
  }

  private static List<Path> classDirs() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path src : sourceRoots()) {
      Path classes = src.getParent().getParent().getParent().resolve("target/classes");
      if (Files.isDirectory(classes.resolve("io"))) {
        out.add(classes);
      }
    }
    return out;
  }

  static Path projectRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("itest")) ? here : here.getParent();
  }

  private interface PackageVisitor {
    void visit(String pkg, Path dir) throws IOException;
  }

  private static void forEachPackage(PackageVisitor v) throws IOException {
    for (Path root : sourceRoots()) {
      List<Path> dirs;
      try (Stream<Path> s = Files.walk(root)) {
        dirs = s.filter(Files::isDirectory).filter(ArchitectureTest::hasJava).toList();
      }
      for (Path d : dirs) {
        v.visit(root.relativize(d).toString().replace('/', '.'), d);
      }
    }
  }

  private static boolean hasJava(Path dir) {
    return sources(dir) > 0;
  }

  private static long sources(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".java") && !n.equals("package-info.java")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Edges from the source imports too: jdeps does not see a class named only in an annotation (picocli's
   * {@code @Command(subcommands = ...)}).
   */
  private static void readImports(String pkg, Path dir, Map<String, Set<String>> graph) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    for (Path f : files) {
      for (String line : Files.readAllLines(f)) {
        Matcher m = IMPORT.matcher(line);
        if (m.matches() && !m.group(1).equals(pkg)) {
          graph.computeIfAbsent(pkg, k -> new TreeSet<>()).add(m.group(1));
        }
      }
    }
  }

  private static void readEdges(Path classes, Map<String, Set<String>> graph) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
    StringWriter out = new StringWriter();
    int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-e", "io\\.daos\\..*",
        classes.toString());
    if (rc != 0) {
      throw new AssertionError("jdeps " + classes + " failed: " + out);
    }
    for (String line : out.toString().split("\n")) {
      Matcher m = EDGE.matcher(line);
      if (m.find() && !m.group(1).equals(m.group(2))) {
        graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
      }
    }
  }
}
