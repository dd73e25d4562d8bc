package io.daos.raft;

import java.io.IOException;
import java.math.BigInteger;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Date;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Mutual TLS between holders of one shared secret, for Raft between the engines of a system (the pool services),
 * which hold the system's key but no certificate. Every holder derives the same P-256 key pair from the secret
 * and presents a self-signed certificate of it; a peer is accepted only if its certificate carries that public
 * key, and the TLS handshake makes it prove the private key. Whoever lacks the secret cannot complete a handshake
 * in either direction.
 */
public final class SharedKeyTls {
  private static final String CURVE = "secp256r1";
  private static final char[] STORE_PASSWORD = "jdaos".toCharArray();

  private final KeyManager keyManager;
  private final byte[] publicKey;

  private SharedKeyTls(KeyManager keyManager, byte[] publicKey) {
    this.keyManager = keyManager;
    this.publicKey = publicKey;
  }

  /** The key pair and certificate that {@code secret} (at least 32 bytes of key material) determines. */
  public static SharedKeyTls fromSecret(byte[] secret) {
    if (secret == null || secret.length < 32) {
      throw new IllegalArgumentException("a shared TLS secret needs at least 32 bytes");
    }
    try {
      ECNamedCurveParameterSpec bc = ECNamedCurveTable.getParameterSpec(CURVE);
      ECNamedCurveSpec params = new ECNamedCurveSpec(CURVE, bc.getCurve(), bc.getG(), bc.getN(), bc.getH());
      byte[] seed = MessageDigest.getInstance("SHA-512").digest(secret);
      BigInteger d = new BigInteger(1, seed).mod(bc.getN().subtract(BigInteger.ONE)).add(BigInteger.ONE);
      org.bouncycastle.math.ec.ECPoint q = bc.getG().multiply(d).normalize();
      KeyFactory kf = KeyFactory.getInstance("EC");
      PrivateKey priv = kf.generatePrivate(new ECPrivateKeySpec(d, params));
      PublicKey pub = kf.generatePublic(new ECPublicKeySpec(new ECPoint(q.getAffineXCoord().toBigInteger(),
          q.getAffineYCoord().toBigInteger()), params));
      X500Name name = new X500Name("O=DAOS,CN=jdaos system peer");
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
          BigInteger.ONE, new Date(0), new Date(4102444800000L), name, pub)
          .build(new JcaContentSignerBuilder("SHA256withECDSA").build(priv)));
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("peer", priv, STORE_PASSWORD, new X509Certificate[] {cert});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, STORE_PASSWORD);
      return new SharedKeyTls(kmf.getKeyManagers()[0], pub.getEncoded());
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot derive the shared-key TLS identity: " + e, e);
    }
  }

  public KeyManager keyManager() {
    return keyManager;
  }

  /** Accepts exactly the peers that present the shared public key. */
  public X509ExtendedTrustManager trustManager() {
    return new Trust();
  }

  private final class Trust extends X509ExtendedTrustManager {
    private void check(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length == 0) {
        throw new CertificateException("the peer sent no certificate");
      }
      if (!MessageDigest.isEqual(publicKey, chain[0].getPublicKey().getEncoded())) {
        throw new CertificateException("the peer does not hold this system's key (certificate "
            + chain[0].getSubjectX500Principal().getName() + "): it is not an engine of this system");
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s) throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s) throws CertificateException {
      check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e)
        throws CertificateException {
      check(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
