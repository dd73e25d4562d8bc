package io.daos.dmg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.control.config.ControlConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dmg skips the JDK's cacerts (it trusts only the DAOS CA of its config) unless the user names a trust store, and
 * runs okhttp's platform probe on a second thread until the client is built, unless its channels are insecure
 * (jdaos's h2c client, which needs no probe).
 */
class DmgMainTest {
  private final String before = System.getProperty(DmgMain.TRUST_STORE);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(DmgMain.TRUST_STORE);
    } else {
      System.setProperty(DmgMain.TRUST_STORE, before);
    }
  }

  @Test
  void noTrustStoreNamedGetsNone() {
    System.clearProperty(DmgMain.TRUST_STORE);
    DmgMain.skipJdkTrustStore();
    assertEquals("NONE", System.getProperty(DmgMain.TRUST_STORE));
  }

  @Test
  void namedTrustStoreIsKept() {
    System.setProperty(DmgMain.TRUST_STORE, "/etc/pki/mine.p12");
    DmgMain.skipJdkTrustStore();
    assertEquals("/etc/pki/mine.p12", System.getProperty(DmgMain.TRUST_STORE));
  }

  @TempDir
  Path dir;

  private String config(boolean insecure) throws Exception {
    Path f = dir.resolve("daos_control_" + insecure + ".yml");
    Files.writeString(f, "name: daos_server\nport: 10001\nhostlist: [localhost]\ntransport_config:\n"
        + "  allow_insecure: " + insecure + "\n");
    return f.toString();
  }

  @Test
  void prewarmProbesOkhttpsPlatformOnADaemonThread() throws Exception {
    Thread t = DmgMain.prewarmTransport(new String[] {"-o", config(false), "system", "query"}).thread();
    assertTrue(t.isDaemon(), "a command that opens no channel must not wait for the probe");
    t.join();
    Class<?> platform = Class.forName(DmgMain.OKHTTP_PLATFORM, false, DmgMain.class.getClassLoader());
    assertNotNull(platform.getMethod("get").invoke(null));
  }

  private static ControlConfig load(String path) {
    return ControlConfig.load(Path.of(path));
  }

  /** Insecure channels are h2c ones, which need no okhttp probe: -i, --insecure or allow_insecure says so. */
  @Test
  void insecureRunsNeedNoProbe() throws Exception {
    ControlConfig secure = load(config(false));
    assertTrue(DmgMain.insecureOnH2c(new String[] {"-i", "system", "query"}, secure, true));
    assertTrue(DmgMain.insecureOnH2c(new String[] {"system", "query", "--insecure"}, secure, true));
    assertTrue(DmgMain.insecureOnH2c(new String[] {"system", "query"}, load(config(true)), true));
    assertFalse(DmgMain.insecureOnH2c(new String[] {"system", "query"}, secure, true));
    assertFalse(DmgMain.insecureOnH2c(new String[] {"system", "query"}, null, true), "unsure (no config): probe");
    assertFalse(DmgMain.insecureOnH2c(new String[] {"-i", "system", "query"}, secure, false),
        "JDAOS_GRPC_TRANSPORT=okhttp");
  }

  /** The client waits for the second thread only where that thread probes okhttp (TLS), not for h2c. */
  @Test
  void onlyATlsClientWaitsForThePrewarm() throws Exception {
    assertTrue(DmgMain.waitsForPrewarm(load(config(false))));
    assertFalse(DmgMain.waitsForPrewarm(load(config(true))));
    assertFalse(DmgMain.waitsForPrewarm(load(config(false)).withInsecure(true)), "dmg -i");
  }

  @Test
  void configPathIsWhatDashOGives() {
    assertEquals(Path.of("/a.yml"), DmgMain.configPath(new String[] {"-o", "/a.yml", "system", "query"}));
    assertEquals(Path.of("/b.yml"), DmgMain.configPath(new String[] {"--config-path=/b.yml", "pool", "list"}));
    assertEquals(Path.of("/c.yml"), DmgMain.configPath(new String[] {"-i", "--config-path", "/c.yml", "version"}));
    assertEquals(null, DmgMain.configPath(new String[] {"-i", "system", "query"}));
  }

  /** The main thread takes the configuration the prewarm thread read, rather than reading it a second time. */
  @Test
  void mainThreadTakesThePrewarmedConfig() throws Exception {
    String path = config(true);
    DmgMain.Prewarm p = DmgMain.prewarmTransport(new String[] {"-o", path, "system", "query"});
    p.thread().join();
    ControlConfig read = p.loaded().get().config();
    assertNotNull(read);
    assertSame(read, p.config(Path.of(path)));
    Files.delete(Path.of(path));
    assertSame(read, p.config(Path.of(path)), "read once, by the prewarm thread");
  }

  /** Another path than the one read ahead, or one that did not load, is read on the spot (and its error shown). */
  @Test
  void otherOrBrokenConfigIsReadAgain() throws Exception {
    String path = config(true);
    DmgMain.Prewarm p = DmgMain.prewarmTransport(new String[] {"-o", path, "system", "query"});
    String other = config(false);
    assertFalse(p.config(Path.of(other)).transport().allowInsecure());
    Path broken = dir.resolve("broken.yml");
    Files.writeString(broken, "port: [not a port\n");
    DmgMain.Prewarm b = DmgMain.prewarmTransport(new String[] {"-o", broken.toString(), "version"});
    b.thread().join();
    assertNull(b.loaded().get().config());
    assertThrows(RuntimeException.class, () -> b.config(broken));
  }

  @Test
  void jsonFlagInAShortFlagCluster() {
    for (String yes : List.of("-j", "-ij", "-jd", "-dji")) {
      assertTrue(Dmg.shortFlagsWithJ(yes), yes);
    }
    for (String no : List.of("--json", "-i", "-", "j", "-j1", "-o/x/j", "--j")) {
      assertFalse(Dmg.shortFlagsWithJ(no), no);
    }
  }

  /** dmg names slf4j's binding, so that slf4j does not look for one on the class path. */
  @Test
  void slf4jProviderIsNamed() throws Exception {
    String before = System.getProperty("slf4j.provider");
    try {
      System.clearProperty("slf4j.provider");
      DmgMain.configureLogging(false);
      assertEquals(DmgMain.SLF4J_PROVIDER, System.getProperty("slf4j.provider"));
      assertTrue(org.slf4j.spi.SLF4JServiceProvider.class.isAssignableFrom(Class.forName(DmgMain.SLF4J_PROVIDER)));
      System.setProperty("slf4j.provider", "mine");
      DmgMain.configureLogging(false);
      assertEquals("mine", System.getProperty("slf4j.provider"), "a provider the user names is kept");
    } finally {
      if (before == null) {
        System.clearProperty("slf4j.provider");
      } else {
        System.setProperty("slf4j.provider", before);
      }
    }
  }

  @Test
  void clientWaitsForThePrewarm() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean probed = new AtomicBoolean();
    Thread probe = new Thread(() -> {
      try {
        release.await();
        probed.set(true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    probe.start();
    new Thread(release::countDown).start();
    DmgMain.awaitPrewarm(probe);
    assertTrue(probed.get());
    assertFalse(probe.isAlive());
  }

  @Test
  void interruptedWaitKeepsTheInterrupt() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    Thread probe = new Thread(() -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    probe.start();
    Thread.currentThread().interrupt();
    DmgMain.awaitPrewarm(probe);
    assertTrue(Thread.interrupted(), "the caller's interrupt is kept");
    probe.interrupt();
    probe.join();
  }
}
