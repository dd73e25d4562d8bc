package io.daos.security.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DAOS security/config_test.go TestPreLoadCertData and pem_test.go TestLoadPEMData / TestLoadPrivateKey, on
 * certificates from bin/gen_certificates.sh: what a daemon checks before it serves, and the fault each problem
 * gives.
 */
class TlsIdentityTest {
  @TempDir
  static Path dir;
  static Path certs;

  @BeforeAll
  static void generate() throws Exception {
    certs = TestCerts.generate(dir);
  }

  private static String f(String name) {
    return certs.resolve(name).toString();
  }

  private static TlsIdentity load(String cert, String key, int maxKeyPerm) {
    return TlsIdentity.load(f("daosCA.crt"), cert, key, f("clients"), maxKeyPerm, Clock.systemUTC());
  }

  @Test
  void genCertificatesLayout() throws Exception {
    assertEquals("rwx------", perms(dir.resolve("daosCA")));
    assertEquals("r--------", perms(dir.resolve("daosCA/private/daosCA.key")));
    for (String role : new String[] {"server", "agent", "admin"}) {
      assertEquals("r--------", perms(certs.resolve(role + ".key")));
      assertEquals("rw-r--r--", perms(certs.resolve(role + ".crt")));
      TlsIdentity id = load(f(role + ".crt"), f(role + ".key"), PemFiles.MAX_USER_ONLY_KEY_PERM);
      assertEquals(role, DaosTrustManager.commonName(id.certificate()));
      assertEquals("SHA512withRSA", id.certificate().getSigAlgName());
      assertEquals(3072, ((java.security.interfaces.RSAKey) id.privateKey()).getModulus().bitLength());
      long days = Duration.between(id.certificate().getNotBefore().toInstant(),
          id.certificate().getNotAfter().toInstant()).toDays();
      assertEquals(1095, days);
      boolean server = id.certificate().getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1");
      assertEquals(role.equals("server"), server, role + " serverAuth");
      assertTrue(id.certificate().getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), role + " clientAuth");
    }
    assertTrue(Files.exists(certs.resolve("clients/agent.crt")));
    assertTrue(Files.exists(certs.resolve("clients/admin.crt")));
    assertEquals("DAOS CA", DaosTrustManager.commonName(PemFiles.certificate(f("daosCA.crt"))));
  }

  @Test
  void testPreLoadCertData_missingKey() {
    Fault e = assertThrows(Fault.class, () -> load(f("server.crt"), f("nokey.key"), 0400));
    assertEquals(FaultCode.SECURITY_MISSING_CERT_FILE, e.code());
    assertTrue(e.description().contains(f("nokey.key")), e.description());
  }

  @Test
  void testPreLoadCertData_missingClientCertDir() {
    Fault e = assertThrows(Fault.class, () -> TlsIdentity.load(f("daosCA.crt"), f("server.crt"), f("server.key"),
        f("noclients"), 0400, Clock.systemUTC()));
    assertEquals(FaultCode.SECURITY_MISSING_CERT_FILE, e.code());
  }

  @Test
  void testLoadPEMData_keyReadableByOthers() throws Exception {
    Path key = dir.resolve("loose.key");
    Files.copy(certs.resolve("agent.key"), key);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    Fault e = assertThrows(Fault.class, () -> load(f("agent.crt"), key.toString(), PemFiles.MAX_USER_ONLY_KEY_PERM));
    assertEquals(key + " has insecure permissions 0644 (suggested: 0400)", e.description());
    assertEquals("run 'chmod 0400 " + key + "'", e.resolution());
    // DAOS lets dmg's admin key be group-readable (0440) but not daemons' keys.
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--r-----"));
    load(f("agent.crt"), key.toString(), PemFiles.MAX_GROUP_KEY_PERM);
    assertThrows(Fault.class, () -> load(f("agent.crt"), key.toString(), PemFiles.MAX_USER_ONLY_KEY_PERM));
  }

  @Test
  void testPreLoadCertData_expiredCertificate() throws Exception {
    Instant now = Instant.now();
    TestCerts.leaf(certs, "expired", "admin", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
    Fault e = assertThrows(Fault.class, () -> load(f("expired.crt"), f("expired.key"), 0400));
    assertEquals(FaultCode.SECURITY_INVALID_CERT, e.code());
    assertEquals("certificate at path \"" + f("expired.crt") + "\" is invalid", e.description());
    assertTrue(e.reason().contains("expired"), e.reason());
    assertTrue(e.resolution().contains("not expired"), e.resolution());
  }

  @Test
  void testPreLoadCertData_otherCa(@TempDir Path other) throws Exception {
    Path otherCerts = TestCerts.generate(other);
    Fault e = assertThrows(Fault.class, () -> TlsIdentity.load(f("daosCA.crt"),
        otherCerts.resolve("admin.crt").toString(), otherCerts.resolve("admin.key").toString(), "", 0400,
        Clock.systemUTC()));
    assertEquals(FaultCode.SECURITY_INVALID_CERT, e.code());
    assertTrue(e.reason().contains("is not signed by the CA in " + f("daosCA.crt")), e.reason());
  }

  @Test
  void testLoadPrivateKey_pkcs1AndMismatch() throws Exception {
    Instant now = Instant.now();
    // Bouncy Castle writes the traditional PKCS#1 form ("RSA PRIVATE KEY"), as openssl 1.x's genrsa.
    TestCerts.leaf(certs, "pkcs1", "agent", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
    assertTrue(Files.readString(certs.resolve("pkcs1.key")).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    load(f("pkcs1.crt"), f("pkcs1.key"), 0400);
    Fault e = assertThrows(Fault.class, () -> load(f("agent.crt"), f("pkcs1.key"), 0400));
    assertTrue(e.description().contains("is not the private key of the certificate"), e.description());
  }

  private static String perms(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void modeBits() {
    assertEquals(0640, PemFiles.mode(PosixFilePermissions.fromString("rw-r-----")));
    assertEquals(0, PemFiles.mode(Set.of()));
  }
}
