package io.daos.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class TokenSignerTest {
  private static final byte[] TOKEN = "token bytes".getBytes(StandardCharsets.UTF_8);

  @Test
  void insecureVerifierIsTheSha512Digest() throws Exception {
    assertArrayEquals(MessageDigest.getInstance("SHA-512").digest(TOKEN), TokenSigner.hash(TOKEN));
    assertEquals(64, TokenSigner.hash(new byte[0]).length);
  }

  @Test
  void rsaPssSignatureVerifiesOnlyForTheSameTokenAndKey() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair a = g.generateKeyPair();
    KeyPair b = g.generateKeyPair();
    byte[] sig = TokenSigner.sign(a.getPrivate(), TOKEN);
    assertTrue(TokenSigner.verify(a.getPublic(), TOKEN, sig));
    assertFalse(TokenSigner.verify(b.getPublic(), TOKEN, sig));
    assertFalse(TokenSigner.verify(a.getPublic(), "other".getBytes(StandardCharsets.UTF_8), sig));
  }

  @Test
  void nonRsaKeyIsRefusedWithAClearMessage() throws Exception {
    KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
    GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
        () -> TokenSigner.sign(ec.getPrivate(), TOKEN));
    assertTrue(e.getMessage().contains("RSA"), e.getMessage());
  }
}
