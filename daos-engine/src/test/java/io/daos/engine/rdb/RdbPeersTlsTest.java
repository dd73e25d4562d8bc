package io.daos.engine.rdb;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.cart.PeerAuth;
import io.daos.raft.SharedKeyTls;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.Test;

/** The pool services' Raft TLS identity: the same for every engine holding the system key, none without one. */
class RdbPeersTlsTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OTHER = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

  @Test
  void enginesWithTheSystemKeyTrustEachOtherAndNoOtherKey() {
    SharedKeyTls a = RdbPeers.tls(PeerAuth.withKey("engine 0", KEY));
    SharedKeyTls b = RdbPeers.tls(PeerAuth.withKey("engine 1", KEY));
    SharedKeyTls stranger = RdbPeers.tls(PeerAuth.withKey("engine x", OTHER));
    assertDoesNotThrow(() -> a.trustManager().checkClientTrusted(chain(b), "ECDHE_ECDSA"));
    assertThrows(CertificateException.class, () -> a.trustManager().checkClientTrusted(chain(stranger),
        "ECDHE_ECDSA"));
  }

  @Test
  void noSystemKeyMeansNoTls() {
    assertNull(RdbPeers.tls(PeerAuth.awaitingKey("engine 0")), "a DAOS control plane hands out no key");
  }

  private static X509Certificate[] chain(SharedKeyTls tls) {
    X509KeyManager km = (X509KeyManager) tls.keyManager();
    return km.getCertificateChain("peer");
  }
}
