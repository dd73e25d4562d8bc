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
}
