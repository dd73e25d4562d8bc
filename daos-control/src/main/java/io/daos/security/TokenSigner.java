package io.daos.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * DAOS's credential verifier (security.TokenSigner): the SHA-512 digest of the marshalled token when
 * insecure, else an RSA-PSS signature over SHA-512 with MGF1-SHA-512 and the largest salt the key allows (the
 * salt Go's rsa.SignPSS picks by default, so Go daos_server verifies ours and we verify Go agents').
 */
public final class TokenSigner {
  private static final int SHA512_LEN = 64;

  private TokenSigner() {
  }

  public static byte[] hash(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-512").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is not available", e);
    }
  }

  /** RSA-PSS signature of {@code data}; the key must be RSA. */
  public static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
    Signature s = pss(key);
    s.initSign(key);
    s.update(data);
    return s.sign();
  }

  /** Whether {@code sig} is a valid RSA-PSS signature of {@code data} under {@code key}. */
  public static boolean verify(PublicKey key, byte[] data, byte[] sig) throws GeneralSecurityException {
    Signature s = pss(key);
    s.initVerify(key);
    s.update(data);
    return s.verify(sig);
  }

  private static Signature pss(java.security.Key key) throws GeneralSecurityException {
    if (!(key instanceof RSAKey rsa)) {
      throw new GeneralSecurityException("key contains an unsupported key type (" + key.getAlgorithm()
          + "); DAOS credentials need an RSA key");
    }
    int emLen = (rsa.getModulus().bitLength() - 1 + 7) / 8;
    Signature s = Signature.getInstance("RSASSA-PSS");
    s.setParameter(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, emLen - SHA512_LEN - 2, 1));
    return s;
  }
}
