package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/jdaos-java's CLI mode: which JDK runs dmg, and the archive of dmg's classes its first run records (an AOT
 * cache on a JDK >= 25, else AppCDS) without changing what that run prints.
 */
class CliLauncherTest {
  @TempDir
  Path dir;

  /** Runs jdaos-java's {@code newest_jdk 25 <jdks>} and returns "best java". */
  private static String newestJdk(Path jdks) throws IOException, InterruptedException {
    String script = "eval \"$(sed -n '/^newest_jdk() {/,/^}/p' \"$0\")\"; best=0; java=java; newest_jdk 25 \"$1\"; "
        + "echo \"$best $java\"";
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script, Launchers.bin("jdaos-java").toString(),
        jdks.toString());
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS), "bash did not finish");
    return out;
  }

  private void fakeJdk(String name, String version, boolean runnable) throws IOException {
    Path home = Files.createDirectories(dir.resolve("jdks").resolve(name));
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\n");
    if (runnable) {
      Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void newestJdkOfAtLeast25IsPicked() throws Exception {
    fakeJdk("jdk-17", "17.0.15", true);
    fakeJdk("jdk-25", "25.0.3", true);
    fakeJdk("jdk-26", "26", true);
    fakeJdk("jdk-27-broken", "27.0.1", false);
    assertEquals("26 " + dir.resolve("jdks/jdk-26/bin/java"), newestJdk(dir.resolve("jdks")));
  }

  @Test
  void withoutJdk25TheDefaultJavaRuns() throws Exception {
    fakeJdk("jdk-17", "17.0.15", true);
    fakeJdk("jdk-21", "21.0.2", true);
    assertEquals("0 java", newestJdk(dir.resolve("jdks")));
    assertEquals("0 java", newestJdk(dir.resolve("none")));
  }

  /**
   * dmg in a copy of the checkout's layout (its jar and class path), so the archives land in {@code dir}: the first
   * run records one, the second maps it, and both print the same, nothing on stderr.
   */
  private Map<String, String> firstRunRecordsSilently(Map<String, String> env, String archive) throws IOException {
    Launchers.requirePackaged("dmg");
    Path target = Files.createDirectories(dir.resolve("home/dmg/target"));
    Path built = Launchers.root().resolve("dmg/target");
    try (var jars = Files.list(built)) {
      for (Path jar : jars.filter(p -> p.getFileName().toString().matches("dmg-.*\\.jar")).toList()) {
        Files.createSymbolicLink(target.resolve(jar.getFileName()), jar);
      }
    }
    Files.copy(built.resolve("classpath"), target.resolve("classpath"));
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("JDAOS_HOME", dir.resolve("home").toString());
    List<String> cmd = List.of(Launchers.bin("dmg").toString(), "version");
    CommandResult first = Commands.run(cmd, all, Duration.ofSeconds(120));
    assertTrue(Files.isRegularFile(target.resolve(archive)), "no " + archive + " after the first run: " + first);
    CommandResult second = Commands.run(cmd, all, Duration.ofSeconds(60));
    assertEquals(0, first.exitCode(), first.toString());
    assertTrue(first.stdout().startsWith("DAOS Admin Tool version "), first.toString());
    assertEquals("", first.stderr());
    assertEquals(first, second);
    return all;
  }

  /**
   * picocli 4.7.7 is Java 5 bytecode, which no CDS archive or AOT cache holds: the build puts a Java 8 copy of it on
   * the CLIs' class path (build-tools/Java8Jar.java), and a run with the archive loads picocli from there.
   */
  private void picocliComesFromTheArchive(Map<String, String> env) throws IOException {
    String cp = Files.readString(Launchers.root().resolve("dmg/target/classpath"));
    assertTrue(cp.matches("(.*:)?[^:]*/dmg/target/picocli-[^:/]*-java8\\.jar(:.*)?"), cp);
    assertTrue(Files.readString(Launchers.root().resolve("libdaos/target/classpath")).contains("-java8.jar"));
    Path log = dir.resolve("class-load.txt");
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("JDAOS_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
    CommandResult r = Commands.run(List.of(Launchers.bin("dmg").toString(), "version"), all, Duration.ofSeconds(60));
    assertEquals(0, r.exitCode(), r.toString());
    List<String> picocli = Files.readAllLines(log).stream().filter(l -> l.contains(" picocli.CommandLine ")).toList();
    assertEquals(1, picocli.size(), String.join("\n", picocli));
    assertTrue(picocli.get(0).contains("source: shared objects file"), picocli.get(0)); // "(top)": AppCDS on 17
  }

  @Test
  void aotCacheOnJdk25() throws Exception {
    Path jdks = Path.of("/usr/lib/jvm");
    boolean jdk25 = !newestJdk(jdks).startsWith("0 ");
    picocliComesFromTheArchive(firstRunRecordsSilently(Map.of("JDAOS_JDKS", jdks.toString()),
        jdk25 ? "dmg.aot" : "dmg.jsa"));
  }

  @Test
  void appCdsWithoutAot() throws Exception {
    picocliComesFromTheArchive(firstRunRecordsSilently(Map.of("JDAOS_AOT", "0"), "dmg.jsa"));
  }

  /** A checkout layout under {@code dir/home} with module {@code m} built and a java that prints its arguments. */
  private Map<String, String> fakeCheckout() throws IOException {
    Path target = Files.createDirectories(dir.resolve("home/m/target"));
    Files.writeString(target.resolve("m-1.jar"), "");
    Files.writeString(target.resolve("classpath"), "/nowhere.jar");
    Path java = dir.resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return Map.of("JDAOS_HOME", dir.resolve("home").toString(), "JAVA", java.toString());
  }

  /** {@link #fakeCheckout} run as a CLI (JDAOS_CLI=1), with one more environment variable {@code key}. */
  private Map<String, String> fakeCliCheckout(String key, String value) throws IOException {
    Map<String, String> env = new java.util.HashMap<>(fakeCheckout());
    env.put("JDAOS_CLI", "1");
    env.put(key, value);
    return env;
  }

  /** {@code jdaos-java m io.daos.Main}: the fake checkout's module and a main class. */
  private static List<String> mainOfM() {
    return List.of(Launchers.bin("jdaos-java").toString(), "m", "io.daos.Main");
  }

  /**
   * Netty's leak detector is off in the JVMs bin/jdaos-java starts (its stack traces cost a client's network thread
   * 4-5 % at kv-put qd 32), and JDAOS_JAVA_OPTS, given after it, turns it back on.
   */
  @Test
  void nettyLeakDetectionIsOffUnlessJdaosJavaOptsSaysOtherwise() throws Exception {
    Map<String, String> env = new java.util.HashMap<>(fakeCheckout());
    List<String> cmd = List.of(Launchers.bin("jdaos-java").toString(), "m", "io.daos.Main", "arg");
    CommandResult plain = Commands.run(cmd, env, Duration.ofSeconds(30));
    assertEquals(0, plain.exitCode(), plain.toString());
    List<String> args = plain.stdout().lines().toList();
    assertTrue(args.contains("-Dio.netty.leakDetection.level=disabled"), plain.toString());
    assertEquals(List.of("io.daos.Main", "arg"), args.subList(args.size() - 2, args.size()));

    env.put("JDAOS_JAVA_OPTS", "-Dio.netty.leakDetection.level=paranoid");
    args = Commands.run(cmd, env, Duration.ofSeconds(30)).stdout().lines().toList();
    int off = args.indexOf("-Dio.netty.leakDetection.level=disabled");
    int on = args.indexOf("-Dio.netty.leakDetection.level=paranoid");
    assertTrue(off >= 0 && on > off, "the user's level must come last: " + args);
  }

  /** The same default in the launch file the native launcher reads (which adds JDAOS_JAVA_OPTS after it). */
  @Test
  void nettyLeakDetectionIsOffInTheNativeLaunchersLaunchFile() throws Exception {
    Map<String, String> env = fakeCheckout();
    Path launcher = Files.createDirectories(dir.resolve("home/native/target/launcher/bin")).resolve("daos_engine");
    Files.createDirectories(dir.resolve("home/native/target/launcher/lib/jdaos"));
    Files.writeString(launcher, "#!/bin/sh\ncat \"$(dirname \"$0\")/../lib/jdaos/daos_engine.launch\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    CommandResult r = Commands.run(List.of(Launchers.bin("jdaos-java").toString(), "--as", "daos_engine", "m",
        "io.daos.Main"), env, Duration.ofSeconds(30));
    assertEquals(0, r.exitCode(), r.toString());
    List<String> lines = r.stdout().lines().toList();
    assertTrue(lines.contains("-Dio.netty.leakDetection.level=disabled"), r.toString());
    assertEquals("io.daos.Main", lines.get(lines.size() - 1));
  }
  /** A jar of {@code entries} (name to content) at {@code jar}. */
  private static Path jar(Path jar, Map<String, String> entries) throws IOException {
    try (var zos = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zos.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
        zos.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zos.closeEntry();
      }
    }
    return jar;
  }

  private static Map<String, String> entries(Path jar) throws IOException {
    Map<String, String> out = new java.util.TreeMap<>();
    try (var z = new java.util.zip.ZipFile(jar.toFile())) {
      for (var e : z.stream().toList()) {
        out.put(e.getName(), new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /**
   * build-tools/CliJar.java merges a module's jar and its class path into one jar as the class path reads them: the
   * first of two same-named entries wins, service files list every jar's providers, signature files and module
   * descriptors are left out, and the manifest is its own (multi-release when a merged jar was).
   */
  @Test
  void cliJarMergesTheClassPathInOrder() throws Exception {
    Path module = jar(dir.resolve("m-1.jar"), Map.of("io/m/Main.class", "module", "META-INF/services/x.Svc",
        "io.m.SvcImpl\n"));
    Path dep = jar(dir.resolve("dep.jar"), Map.of("io/m/Main.class", "shadowed", "io/d/Dep.class", "dep",
        "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMulti-Release: true\r\n\r\n",
        "META-INF/services/x.Svc", "# providers\nio.d.SvcImpl\nio.m.SvcImpl\n", "META-INF/DEP.SF", "digests",
        "META-INF/DEP.RSA", "signature", "module-info.class", "descriptor"));
    Path cp = dir.resolve("classpath");
    Files.writeString(cp, dep.toString());
    Path out = dir.resolve("m.cli.jar");
    CommandResult r = Commands.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        Launchers.root().resolve("build-tools/CliJar.java").toString(), module.toString(), cp.toString(),
        out.toString()), Map.of(), Duration.ofSeconds(60));
    assertEquals(0, r.exitCode(), r.toString());
    Map<String, String> merged = entries(out);
    assertEquals("module", merged.get("io/m/Main.class"), "the module's jar comes first");
    assertEquals("dep", merged.get("io/d/Dep.class"));
    assertEquals("io.m.SvcImpl\nio.d.SvcImpl\n", merged.get("META-INF/services/x.Svc"));
    assertTrue(merged.get("META-INF/MANIFEST.MF").contains("Multi-Release: true"), merged.toString());
    assertEquals(List.of("META-INF/", "META-INF/MANIFEST.MF", "META-INF/services/x.Svc", "io/d/Dep.class",
        "io/m/Main.class"), List.copyOf(merged.keySet()));
  }

  /**
   * A CLI runs from {@code target/<module>.cli.jar} while it is not older than the module's jar and class path (a
   * lookup that misses opens every jar of a class path); a stale one is passed over for the class path.
   */
  @Test
  void cliRunsFromItsMergedJarWhileItIsCurrent() throws Exception {
    Map<String, String> env = fakeCliCheckout("JDAOS_CDS", "0");
    Path target = dir.resolve("home/m/target");
    Path cli = target.resolve("m.cli.jar");
    Files.writeString(cli, "");
    List<String> cmd = mainOfM();
    CommandResult merged = Commands.run(cmd, env, Duration.ofSeconds(30));
    assertEquals(0, merged.exitCode(), merged.toString());
    assertTrue(merged.stdout().lines().toList().contains("@" + target.resolve("jdaos-cli-classpath.args")),
        merged.toString());
    assertEquals("-cp\n\"" + cli + "\"\n", Files.readString(target.resolve("jdaos-cli-classpath.args")));

    Files.setLastModifiedTime(cli, java.nio.file.attribute.FileTime.fromMillis(
        Files.getLastModifiedTime(target.resolve("classpath")).toMillis() - 60_000));
    CommandResult stale = Commands.run(cmd, env, Duration.ofSeconds(30));
    assertTrue(stale.stdout().lines().toList().contains("@" + target.resolve("jdaos-classpath.args")),
        stale.toString());
    assertTrue(Files.readString(target.resolve("jdaos-classpath.args")).contains("/nowhere.jar"));
  }

  /**
   * On JDK 25 a CLI's AOT cache holds no training data and the JVM replays none (a replay thread that hands off with
   * the main thread as classes initialise cost dmg 20 ms): diagnostic flags, so only for the JDK they were measured
   * on, never for another.
   */
  @Test
  void aotTrainingIsOffOnJdk25Only() throws Exception {
    Map<String, String> env = fakeCliCheckout("JDAOS_AOT", "1");
    Path target = dir.resolve("home/m/target");
    Files.writeString(target.resolve("jdaos-classpath.args"), "-cp\n\"" + target.resolve("m-1.jar") + "\"\n");
    Files.writeString(target.resolve("m.aot"), "");
    List<String> cmd = mainOfM();
    for (String feature : List.of("25", "26")) {
      Files.writeString(target.resolve("m.aot.jdk"), feature + " " + env.get("JAVA") + "\n");
      CommandResult r = Commands.run(cmd, env, Duration.ofSeconds(30));
      assertEquals(0, r.exitCode(), r.toString());
      List<String> args = r.stdout().lines().toList();
      assertTrue(args.contains("-XX:AOTCache=" + target.resolve("m.aot")), r.toString());
      assertEquals(feature.equals("25"), args.contains("-XX:-AOTReplayTraining"), feature + ": " + args);
      assertEquals(feature.equals("25"), args.contains("-XX:-AOTRecordTraining"), feature + ": " + args);
    }
  }

  /**
   * The built dmg's merged jar: Bouncy Castle's provider without its signature files, picocli as the Java 8 copy the
   * class path names (the one an AOT cache can hold), and grpc's channel providers of every jar in one service file.
   */
  @Test
  void dmgCliJarHoldsItsClassPath() throws Exception {
    Launchers.requirePackaged("dmg");
    Path cli = Launchers.root().resolve("dmg/target/dmg.cli.jar");
    try (var z = new java.util.zip.ZipFile(cli.toFile())) {
      assertTrue(z.getEntry("org/bouncycastle/jce/provider/BouncyCastleProvider.class") != null);
      assertTrue(z.stream().noneMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")),
          "signature files of merged jars");
      try (var in = z.getInputStream(z.getEntry("picocli/CommandLine.class"))) {
        byte[] head = in.readNBytes(8);
        assertEquals(52, ((head[6] & 0xff) << 8) | (head[7] & 0xff), "picocli from the Java 8 copy");
      }
      String providers = new String(z.getInputStream(z.getEntry("META-INF/services/io.grpc.ManagedChannelProvider"))
          .readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(providers.contains("io.grpc.okhttp.OkHttpChannelProvider"), providers);
    }
  }
}
