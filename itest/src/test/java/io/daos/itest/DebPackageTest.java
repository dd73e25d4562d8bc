package io.daos.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The .deb the build makes (packaging module) installs like DAOS's packages: launchers in /usr/bin, configs in
 * /etc/daos, the daos_server and daos_agent units (systemd-analyze verify clean), a postinst that creates the
 * daos_server and daos_agent users; unpacked by dpkg into a throwaway root, daos_server starts from it, forks
 * the installed daos_engine and formats and joins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(TestLocks.PROCESSES)
class DebPackageTest {
  private static final Duration CMD = Duration.ofSeconds(60);
  private static final List<String> PROGRAMS = List.of("daos_server", "daos_engine", "daos_agent", "dmg", "daos");

  @TempDir
  static Path tmp;
  private Path deb;
  private Path root;

  @BeforeAll
  void findDeb() throws IOException {
    Path target = Launchers.root().resolve("packaging/target");
    try (Stream<Path> s = Files.list(target)) {
      deb = s.filter(p -> p.getFileName().toString().matches("jdaos_.*_amd64\\.deb")).findFirst()
          .orElseThrow(() -> new AssertionError("no jdaos_*_amd64.deb in " + target + ": run `mvn -B verify`"));
    }
  }

  @Test
  @Order(1)
  void holdsLaunchersConfigsAndUnitsWhereDaosPutsThem() {
    String listing = ok("dpkg-deb", "-c", deb.toString());
    for (String p : PROGRAMS) {
      assertTrue(listing.lines().anyMatch(l -> l.startsWith("-rwxr-xr-x root/root") && l.endsWith(" ./usr/bin/" + p)),
          p + " is not an executable in /usr/bin:\n" + listing);
      assertTrue(listing.contains(" ./usr/lib/jdaos/" + p + ".launch"), p + ".launch missing");
    }
    for (String f : List.of("./etc/daos/daos_server.yml", "./etc/daos/daos_agent.yml", "./etc/daos/daos_control.yml",
        "./usr/lib/systemd/system/daos_server.service", "./usr/lib/systemd/system/daos_agent.service")) {
      assertTrue(listing.contains(" " + f + "\n"), f + " missing:\n" + listing);
    }
  }

  @Test
  @Order(2)
  void controlDataNamesConffilesAndPostinstCreatesDaosUsers() {
    String info = ok("dpkg-deb", "-I", deb.toString());
    assertTrue(info.contains(" Package: jdaos\n") && info.contains(" Architecture: amd64\n"), info);
    assertEquals("/etc/daos/daos_server.yml\n/etc/daos/daos_agent.yml\n/etc/daos/daos_control.yml\n",
        ok("dpkg-deb", "-I", deb.toString(), "conffiles"));
    String postinst = ok("dpkg-deb", "-I", deb.toString(), "postinst");
    assertTrue(postinst.contains("-g daos_server -G daos_metrics,daos_daemons daos_server"), postinst);
  }

  /** dpkg --root into an empty tree (host passwd/group copied in); maintainer scripts run chrootless. */
  @Test
  @Order(3)
  void dpkgInstallsIntoAThrowawayRootAndCreatesTheDaosServerUser() throws IOException {
    root = tmp.resolve("root");
    Files.createDirectories(root.resolve("var/lib/dpkg/info"));
    Files.createDirectories(root.resolve("var/lib/dpkg/updates"));
    Files.createFile(root.resolve("var/lib/dpkg/status"));
    Files.createDirectories(root.resolve("etc"));
    for (String f : List.of("passwd", "group", "shadow", "gshadow")) {
      Files.copy(Path.of("/etc", f), root.resolve("etc").resolve(f));
    }
    ok("dpkg", "--root=" + root, "--force-script-chrootless", "--force-depends", "--log=/dev/null", "-i",
        deb.toString());
    for (String p : PROGRAMS) {
      assertTrue(Files.isExecutable(root.resolve("usr/bin").resolve(p)), p);
      String launch = Files.readString(root.resolve("usr/lib/jdaos").resolve(p + ".launch"));
      assertTrue(launch.lines().anyMatch("-Dio.netty.leakDetection.level=disabled"::equals),
          p + ".launch leaves Netty's leak detector on:\n" + launch);
    }
    // the CLIs run from the one jar their build merged the class path into (build-tools/CliJar.java)
    for (String cli : List.of("dmg", "daos")) {
      String launch = Files.readString(root.resolve("usr/lib/jdaos").resolve(cli + ".launch"));
      String module = cli.equals("dmg") ? "dmg" : "libdaos";
      assertTrue(launch.lines().anyMatch(("-Djava.class.path=%PREFIX%/lib/jdaos/lib/" + module + ".cli.jar")::equals),
          cli + ".launch:\n" + launch);
      assertTrue(Files.isRegularFile(root.resolve("usr/lib/jdaos/lib").resolve(module + ".cli.jar")));
    }
    assertTrue(ok(root.resolve("usr/bin/dmg").toString(), "version").startsWith("DAOS Admin Tool version"));
    assertTrue(Files.isRegularFile(root.resolve("etc/daos/daos_server.yml")));
    String passwd = Files.readString(root.resolve("etc/passwd"));
    assertTrue(passwd.contains("\ndaos_server:") && passwd.contains("\ndaos_agent:"), passwd);
    String group = Files.readString(root.resolve("etc/group"));
    assertTrue(group.lines().anyMatch(l -> l.startsWith("daos_daemons:") && l.contains("daos_server")), group);
    assertTrue(Files.isDirectory(root.resolve("var/log/daos")));
  }

  /** The installed units with the host's systemd units beside them: no error or warning. */
  @Test
  @Order(4)
  void unitsPassSystemdAnalyzeVerify() throws IOException {
    Path units = root.resolve("usr/lib/systemd/system");
    try (Stream<Path> s = Files.list(Path.of("/lib/systemd/system"))) {
      for (Path u : s.filter(p -> p.getFileName().toString().endsWith(".target")
          && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        Files.copy(u, units.resolve(u.getFileName()));
      }
    }
    CommandResult r = Commands.run(List.of("systemd-analyze", "verify", "--root=" + root, "daos_server.service",
        "daos_agent.service"), CMD);
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("", r.stdout() + r.stderr(), "systemd-analyze verify complaints");
  }

  /** daos_server start -o FILE from the installed /usr/bin; it forks the installed daos_engine. */
  @Test
  @Order(5)
  void daosServerStartsFromTheInstalledLayout() throws Exception {
    Path bin = root.resolve("usr/bin");
    assertTrue(ok(bin.resolve("daos_server").toString(), "version").startsWith("daos_server version"));
    try (ServerProcess s = ServerProcess.start(Files.createDirectories(tmp.resolve("sys")), 1, bin)) {
      assertEquals(0, s.dmg("storage", "format").exitCode());
      s.waitForAll("joined", Duration.ofSeconds(60));
      ProcessHandle engine = s.engineProcesses().get(0);
      assertEquals(bin.resolve("daos_engine").toRealPath(),
          Path.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(engine.pid()), "exe")).toString()));
      assertEquals(0, s.stop());
    }
  }

  private static String ok(String... cmd) {
    CommandResult r = Commands.run(List.of(cmd), Map.of(), CMD);
    assertEquals(0, r.exitCode(), String.join(" ", cmd) + ": " + r);
    return r.stdout();
  }
}
