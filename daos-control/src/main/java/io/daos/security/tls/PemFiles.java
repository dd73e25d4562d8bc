package io.daos.security.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads PEM certificates and keys with DAOS's checks (security/pem.go): a regular file, no permission bits beyond
 * a maximum (keys 0400 for daemons, 0440 for dmg; certificates 0664), one certificate or key per file, keys in
 * PKCS#1 ("RSA PRIVATE KEY", openssl 1.x) or PKCS#8 ("PRIVATE KEY", openssl 3) form. Every failure is a
 * {@link SecurityFaults} fault naming the file.
 */
public final class PemFiles {
  /** DAOS MaxUserOnlyKeyPerm: daos_server's and daos_agent's keys. */
  public static final int MAX_USER_ONLY_KEY_PERM = 0400;
  /** DAOS MaxGroupKeyPerm: dmg's key, which a group of admins may share. */
  public static final int MAX_GROUP_KEY_PERM = 0440;
  /** DAOS MaxCertPerm. */
  public static final int MAX_CERT_PERM = 0664;

  private PemFiles() {
  }

  /** The file's bytes after DAOS's existence, type and permission checks. */
  static byte[] load(String path, int maxPerm) {
    Path p = Path.of(path);
    try {
      if (!Files.exists(p)) {
        throw SecurityFaults.missingCertFile(path);
      }
      if (!Files.isRegularFile(p)) {
        throw SecurityFaults.badPem(path, "is not a regular file");
      }
      int mode = mode(Files.getPosixFilePermissions(p, new LinkOption[0]));
      if ((mode & ~maxPerm & 0777) != 0) {
        throw SecurityFaults.insecurePermissions(path, mode, maxPerm);
      }
      return Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      throw SecurityFaults.missingCertFile(path);
    } catch (AccessDeniedException e) {
      throw SecurityFaults.unreadableCertFile(path);
    } catch (IOException e) {
      throw SecurityFaults.badPem(path, "cannot be read: " + e.getMessage());
    }
  }

  static int mode(Set<PosixFilePermission> perms) {
    int m = 0;
    for (PosixFilePermission p : perms) {
      m |= 0400 >> p.ordinal();
    }
    return m;
  }

  /** The one certificate in {@code path}. */
  public static X509Certificate certificate(String path) {
    byte[] pem = load(path, MAX_CERT_PERM);
    try {
      var certs = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
      if (certs.isEmpty()) {
        throw SecurityFaults.badPem(path, "does not contain PEM data");
      }
      if (certs.size() > 1) {
        throw SecurityFaults.badPem(path, "holds " + certs.size() + " certificates; only one is allowed per file");
      }
      return (X509Certificate) certs.iterator().next();
    } catch (CertificateException e) {
      throw SecurityFaults.invalidCertFile(path, "not a PEM X.509 certificate: " + e.getMessage());
    }
  }

  /** The one RSA private key in {@code path}, whose mode must not exceed {@code maxPerm}. */
  public static PrivateKey privateKey(String path, int maxPerm) {
    String text = new String(load(path, maxPerm), StandardCharsets.US_ASCII);
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      Object o = parser.readObject();
      if (o == null) {
        throw SecurityFaults.badPem(path, "does not contain PEM data");
      }
      if (parser.readObject() != null) {
        throw SecurityFaults.badPem(path, "holds more than one PEM block; only one key is allowed per file");
      }
      JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
      PrivateKey key;
      if (o instanceof PEMKeyPair kp) {
        key = conv.getPrivateKey(kp.getPrivateKeyInfo());
      } else if (o instanceof PrivateKeyInfo info) {
        key = conv.getPrivateKey(info);
      } else {
        throw SecurityFaults.badPem(path, "is not an unencrypted private key (found " + o.getClass().getSimpleName()
            + ")");
      }
      if (!"RSA".equals(key.getAlgorithm())) {
        throw SecurityFaults.badPem(path, "contains an unsupported private key type " + key.getAlgorithm()
            + " (DAOS uses RSA keys)");
      }
      return key;
    } catch (PEMException e) {
      throw SecurityFaults.badPem(path, "is not a PEM private key: " + e.getMessage());
    } catch (IOException e) {
      throw SecurityFaults.badPem(path, "cannot be parsed: " + e.getMessage());
    }
  }
}
