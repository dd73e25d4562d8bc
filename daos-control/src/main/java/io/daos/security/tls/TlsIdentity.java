package io.daos.security.tls;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * One component's TLS material from its {@code transport_config}, loaded and checked before first use as DAOS's
 * {@code PreLoadCertData}: {@code client_cert_dir} (when set) readable, the CA, certificate and key present with
 * safe permissions, and the certificate signed by the CA and valid now. Any failure is a security fault naming
 * the file and the fix.
 */
public final class TlsIdentity {
  private final String caPath;
  private final X509Certificate ca;
  private final String certPath;
  private final X509Certificate cert;
  private final PrivateKey key;

  private TlsIdentity(String caPath, X509Certificate ca, String certPath, X509Certificate cert, PrivateKey key) {
    this.caPath = caPath;
    this.ca = ca;
    this.certPath = certPath;
    this.cert = cert;
    this.key = key;
  }

  /**
   * Loads and checks the files.
   *
   * @param maxKeyPerm {@link PemFiles#MAX_USER_ONLY_KEY_PERM} (daemons) or {@link PemFiles#MAX_GROUP_KEY_PERM} (dmg)
   * @param clock the time the certificate must be valid at
   * @throws io.daos.common.fault.Fault on any problem
   */
  public static TlsIdentity load(String caCert, String certFile, String keyFile, String clientCertDir,
      int maxKeyPerm, Clock clock) {
    if (clientCertDir != null && !clientCertDir.isEmpty()) {
      checkDir(clientCertDir);
    }
    X509Certificate ca = PemFiles.certificate(Objects.requireNonNull(caCert, "ca_cert"));
    X509Certificate cert = PemFiles.certificate(Objects.requireNonNull(certFile, "cert"));
    PrivateKey key = PemFiles.privateKey(Objects.requireNonNull(keyFile, "key"), maxKeyPerm);
    if (!matches(key, cert)) {
      throw SecurityFaults.badPem(keyFile, "is not the private key of the certificate " + certFile);
    }
    Date now = Date.from(clock.instant());
    checkValid(caCert, ca, now);
    checkValid(certFile, cert, now);
    try {
      cert.verify(ca.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw SecurityFaults.invalidCertFile(certFile, "certificate " + cert.getSubjectX500Principal().getName()
          + " is not signed by the CA in " + caCert + " (" + ca.getSubjectX500Principal().getName() + ")");
    }
    return new TlsIdentity(caCert, ca, certFile, cert, key);
  }

  /** Material its caller has already read and checked (no file or validity checks here). */
  public static TlsIdentity of(String caPath, X509Certificate ca, String certPath, X509Certificate cert,
      PrivateKey key) {
    return new TlsIdentity(caPath, ca, certPath, cert, key);
  }

  private static void checkDir(String dir) {
    try (Stream<Path> s = Files.list(Path.of(dir))) {
      s.count();
    } catch (NoSuchFileException e) {
      throw SecurityFaults.missingCertFile(dir);
    } catch (AccessDeniedException e) {
      throw SecurityFaults.unreadableCertFile(dir);
    } catch (IOException e) {
      throw SecurityFaults.badPem(dir, "checking client cert directory: " + e.getMessage());
    }
  }

  private static void checkValid(String path, X509Certificate c, Date now) {
    try {
      c.checkValidity(now);
    } catch (CertificateExpiredException e) {
      throw SecurityFaults.invalidCertFile(path, "certificate has expired: it was valid until " + c.getNotAfter()
          + ", now is " + now);
    } catch (CertificateNotYetValidException e) {
      throw SecurityFaults.invalidCertFile(path, "certificate is not yet valid: it is valid from " + c.getNotBefore()
          + ", now is " + now);
    }
  }

  /** Whether the RSA key pairs with the certificate's public key (same modulus). */
  private static boolean matches(PrivateKey key, X509Certificate cert) {
    return key instanceof java.security.interfaces.RSAKey k
        && cert.getPublicKey() instanceof java.security.interfaces.RSAKey c && k.getModulus().equals(c.getModulus());
  }

  public X509Certificate ca() {
    return ca;
  }

  public String caPath() {
    return caPath;
  }

  public X509Certificate certificate() {
    return cert;
  }

  public String certPath() {
    return certPath;
  }

  public PrivateKey privateKey() {
    return key;
  }

  /** Key managers presenting this certificate. */
  public KeyManager[] keyManagers() {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      char[] pw = new char[0];
      ks.setKeyEntry("daos", key, pw, new X509Certificate[] {cert});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, pw);
      return kmf.getKeyManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a key store for " + certPath, e);
    }
  }

  /** A TLS client context: this certificate, servers checked by {@link DaosTrustManager#checkingServers}. */
  public SSLContext clientContext() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keyManagers(), new javax.net.ssl.TrustManager[] {DaosTrustManager.checkingServers(this)}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context for " + certPath, e);
    }
  }

  @Override
  public String toString() {
    return "TlsIdentity{" + cert.getSubjectX500Principal().getName() + " from " + certPath + ", CA " + caPath + "}";
  }
}
