package io.daos.agent.security;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads an RSA private key from PEM: PKCS#8 ("PRIVATE KEY") or PKCS#1 ("RSA PRIVATE KEY", wrapped here). */
public final class PemKeys {
  private static final byte[] RSA_ALG_ID = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
      (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

  private PemKeys() {
  }

  public static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    if (pem.contains("BEGIN PRIVATE KEY")) {
      return rsa(body(pem, "PRIVATE KEY"));
    }
    if (pem.contains("BEGIN RSA PRIVATE KEY")) {
      return rsa(pkcs1ToPkcs8(body(pem, "RSA PRIVATE KEY")));
    }
    throw new GeneralSecurityException(file + ": no PEM private key found (expected an RSA key from "
        + "gen_certificates.sh)");
  }

  private static PrivateKey rsa(byte[] pkcs8) throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
  }

  private static byte[] body(String pem, String label) {
    String begin = "-----BEGIN " + label + "-----";
    int start = pem.indexOf(begin) + begin.length();
    int end = pem.indexOf("-----END " + label + "-----", start);
    return Base64.getMimeDecoder().decode(pem.substring(start, end));
  }

  /** PrivateKeyInfo{version 0, rsaEncryption, OCTET STRING pkcs1}. */
  private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    byte[] octet = tlv(0x04, pkcs1);
    byte[] version = {0x02, 0x01, 0x00};
    byte[] inner = concat(version, RSA_ALG_ID, octet);
    return tlv(0x30, inner);
  }

  private static byte[] tlv(int tag, byte[] value) {
    byte[] len = derLength(value.length);
    return concat(new byte[] {(byte) tag}, len, value);
  }

  private static byte[] derLength(int n) {
    if (n < 0x80) {
      return new byte[] {(byte) n};
    }
    byte[] b = BigInteger.valueOf(n).toByteArray();
    int off = b[0] == 0 ? 1 : 0;
    byte[] out = new byte[b.length - off + 1];
    out[0] = (byte) (0x80 | (b.length - off));
    System.arraycopy(b, off, out, 1, b.length - off);
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int i = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, i, p.length);
      i += p.length;
    }
    return out;
  }
}
