package io.daos.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.Test;

class SharedKeyTlsTest {
  private static byte[] secret(int b) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) b);
    return s;
  }

  private static X509Certificate[] chain(SharedKeyTls t) {
    X509KeyManager km = (X509KeyManager) t.keyManager();
    return km.getCertificateChain(km.getServerAliases("EC", null)[0]);
  }

  @Test
  void sameSecretSameKeyPairOnEveryHolder() {
    X509Certificate a = chain(SharedKeyTls.fromSecret(secret(7)))[0];
    X509Certificate b = chain(SharedKeyTls.fromSecret(secret(7)))[0];
    assertArrayEquals(a.getPublicKey().getEncoded(), b.getPublicKey().getEncoded());
    assertDoesNotThrow(() -> a.verify(a.getPublicKey()), "self-signed by the derived key");
  }

  @Test
  void trustsHoldersOfTheSecretOnly() throws Exception {
    SharedKeyTls mine = SharedKeyTls.fromSecret(secret(7));
    mine.trustManager().checkClientTrusted(chain(SharedKeyTls.fromSecret(secret(7))), "ECDHE_ECDSA");
    mine.trustManager().checkServerTrusted(chain(SharedKeyTls.fromSecret(secret(7))), "ECDHE_ECDSA");
    CertificateException e = assertThrows(CertificateException.class,
        () -> mine.trustManager().checkClientTrusted(chain(SharedKeyTls.fromSecret(secret(8))), "ECDHE_ECDSA"));
    assertTrue(e.getMessage().contains("does not hold this system's key"), e.getMessage());
    assertThrows(CertificateException.class, () -> mine.trustManager().checkServerTrusted(new X509Certificate[0],
        "ECDHE_ECDSA"));
  }

  @Test
  void shortSecretRefused() {
    assertThrows(IllegalArgumentException.class, () -> SharedKeyTls.fromSecret(new byte[16]));
  }
}
