package io.daos.security.tls;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates for tests: bin/gen_certificates.sh's set, and leaves with any validity window (Bouncy Castle). */
public final class TestCerts {
  private TestCerts() {
  }

  /** Runs bin/gen_certificates.sh into {@code dir}; returns {@code dir/daosCA/certs}. */
  public static Path generate(Path dir) throws IOException, InterruptedException {
    Path script = Path.of("").toAbsolutePath();
    while (!Files.exists(script.resolve("bin/gen_certificates.sh"))) {
      script = script.getParent();
    }
    Process p = new ProcessBuilder(script.resolve("bin/gen_certificates.sh").toString(), dir.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("gen_certificates.sh failed: " + out);
    }
    return dir.resolve("daosCA/certs");
  }

  /**
   * A leaf with CN {@code cn} signed by the CA of {@code certs} (gen_certificates.sh's layout), valid from
   * {@code notBefore} to {@code notAfter}, written as {@code <name>.crt} (0644) and {@code <name>.key} (0400).
   */
  public static void leaf(Path certs, String name, String cn, Instant notBefore, Instant notAfter)
      throws Exception {
    X509Certificate ca = PemFiles.certificate(certs.resolve("daosCA.crt").toString());
    PrivateKey caKey = PemFiles.privateKey(certs.resolveSibling("private/daosCA.key").toString(), 0400);
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair kp = g.generateKeyPair();
    JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca,
        BigInteger.valueOf(System.nanoTime()), Date.from(notBefore), Date.from(notAfter),
        new X500Name("O=DAOS,CN=" + cn), kp.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
        b.build(new JcaContentSignerBuilder("SHA512withRSA").build(caKey)));
    write(certs.resolve(name + ".crt"), cert, "rw-r--r--");
    write(certs.resolve(name + ".key"), kp.getPrivate(), "r--------");
  }

  private static void write(Path p, Object o, String perms) throws IOException {
    Files.deleteIfExists(p);
    try (Writer w = Files.newBufferedWriter(p); JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(o);
    }
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
  }
}
