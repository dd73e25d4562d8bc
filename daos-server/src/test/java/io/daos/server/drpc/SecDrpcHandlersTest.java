package io.daos.server.drpc;

import io.daos.common.status.DaosStatus;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.security.TokenSigner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.ByteString;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcStatusException;
import io.daos.proto.auth.Credential;
import io.daos.proto.auth.Flavor;
import io.daos.proto.auth.Sys;
import io.daos.proto.auth.Token;
import io.daos.proto.auth.Validity;
import io.daos.proto.auth.ValidateCredReq;
import io.daos.proto.auth.ValidateCredResp;
import io.daos.proto.drpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DAOS server/security_rpc_test.go: TestSrvSecurityModule_ValidateCred_*. */
class SecDrpcHandlersTest {
  @TempDir
  Path dir;

  private static final Token TOKEN = Token.newBuilder().setFlavor(Flavor.AUTH_SYS).setData(Sys.newBuilder()
      .setMachinename("host1").setUser("frodo@").setGroup("baggins@").addGroups("baggins@").build().toByteString())
      .build();

  private DrpcClient client(boolean insecure) {
    return DrpcClient.direct(SecDrpcHandlers.register(new DrpcRegistry(), insecure, dir, io.daos.server.config.CredentialPolicy.DEFAULT, java.time.Clock.systemUTC()));
  }

  private ValidateCredResp validate(boolean insecure, Credential cred) throws Exception {
    try (DrpcClient c = client(insecure)) {
      return ValidateCredResp.parseFrom(c.call(DrpcMethod.SEC_VALIDATE_CREDS,
          ValidateCredReq.newBuilder().setCred(cred).build().toByteArray()));
    }
  }

  private static Credential cred(byte[] verifier, String origin) {
    return Credential.newBuilder().setToken(TOKEN)
        .setVerifier(Token.newBuilder().setFlavor(Flavor.AUTH_SYS).setData(ByteString.copyFrom(verifier)))
        .setOrigin(origin).build();
  }

  @Test
  void invalidReq() throws Exception {
    try (DrpcClient c = client(true)) {
      DrpcStatusException e = org.junit.jupiter.api.Assertions.assertThrows(DrpcStatusException.class,
          () -> c.call(DrpcMethod.SEC_VALIDATE_CREDS, new byte[] {(byte) 0xff, 0x01}));
      assertEquals(Status.FAILED_UNMARSHAL_PAYLOAD, e.status());
    }
  }

  @Test
  void noCred() throws Exception {
    try (DrpcClient c = client(true)) {
      ValidateCredResp r = ValidateCredResp.parseFrom(c.call(DrpcMethod.SEC_VALIDATE_CREDS, new byte[0]));
      assertEquals(DaosStatus.INVAL.code(), r.getStatus());
    }
  }

  @Test
  void noToken() throws Exception {
    Credential c = cred(new byte[64], "agent").toBuilder().clearToken().build();
    assertEquals(DaosStatus.INVAL.code(), validate(true, c).getStatus());
  }

  @Test
  void noVerifier() throws Exception {
    Credential c = cred(new byte[64], "agent").toBuilder().clearVerifier().build();
    assertEquals(DaosStatus.INVAL.code(), validate(true, c).getStatus());
  }

  @Test
  void insecureOk() throws Exception {
    ValidateCredResp r = validate(true, cred(TokenSigner.hash(TOKEN.toByteArray()), "agent"));
    assertEquals(0, r.getStatus());
    assertEquals(TOKEN, r.getToken());
  }

  @Test
  void insecureBadVerifier() throws Exception {
    byte[] v = TokenSigner.hash(TOKEN.toByteArray());
    v[0] ^= 1;
    ValidateCredResp r = validate(true, cred(v, "agent"));
    assertEquals(DaosStatus.NO_PERM.code(), r.getStatus());
    assertFalse(r.hasToken());
  }

  @Test
  void secureOk() throws Exception {
    PrivateKey key = agentKeyAndCert();
    assertEquals(0, validate(false, cred(sign(key, TOKEN.toByteArray()), "agent")).getStatus());
  }

  @Test
  void secureLoadingCertFailed() throws Exception {
    PrivateKey key = agentKeyAndCert();
    byte[] sig = sign(key, TOKEN.toByteArray());
    assertEquals(DaosStatus.NO_CERT.code(), validate(false, cred(sig, "admin")).getStatus());
    assertEquals(DaosStatus.NO_CERT.code(), validate(false, cred(sig, "../agent")).getStatus());
  }

  @Test
  void secureBadVerifier() throws Exception {
    PrivateKey key = agentKeyAndCert();
    byte[] sig = sign(key, TOKEN.toByteArray());
    sig[5] ^= 1;
    assertEquals(DaosStatus.NO_PERM.code(), validate(false, cred(sig, "agent")).getStatus());
    assertEquals(DaosStatus.NO_PERM.code(),
        validate(false, cred(TokenSigner.hash(TOKEN.toByteArray()), "agent")).getStatus());
  }

  /** jdaos extension: a correctly signed credential outside its window, or used twice, is DER_NO_PERM. */
  @Test
  void secureExpiredOrReplayedRefused() throws Exception {
    PrivateKey key = agentKeyAndCert();
    long now = System.currentTimeMillis();
    Token fresh = windowed(now - 1_000, now + 60_000);
    Credential c = Credential.newBuilder().setToken(fresh).setVerifier(Token.newBuilder().setFlavor(Flavor.AUTH_SYS)
        .setData(ByteString.copyFrom(sign(key, fresh.toByteArray())))).setOrigin("agent").build();
    try (DrpcClient client = client(false)) {
      assertEquals(0, call(client, c).getStatus());
      assertEquals(DaosStatus.NO_PERM.code(), call(client, c).getStatus());
    }
    Token old = windowed(now - 600_000, now - 120_000);
    Credential expired = c.toBuilder().setToken(old).setVerifier(c.getVerifier().toBuilder()
        .setData(ByteString.copyFrom(sign(key, old.toByteArray())))).build();
    assertEquals(DaosStatus.NO_PERM.code(), validate(false, expired).getStatus());
  }

  /** A DAOS agent's credential (no window) verifies by default; accept_legacy_credentials: false refuses it. */
  @Test
  void secureLegacyCredentialPerPolicy() throws Exception {
    PrivateKey key = agentKeyAndCert();
    Credential legacy = cred(sign(key, TOKEN.toByteArray()), "agent");
    try (DrpcClient strict = DrpcClient.direct(SecDrpcHandlers.register(new DrpcRegistry(), false, dir,
        new io.daos.server.config.CredentialPolicy(false, java.time.Duration.ofSeconds(30)),
        java.time.Clock.systemUTC()))) {
      assertEquals(DaosStatus.NO_PERM.code(), call(strict, legacy).getStatus());
    }
    assertEquals(0, validate(false, legacy).getStatus());
  }

  private static Token windowed(long notBefore, long notAfter) {
    byte[] nonce = new byte[16];
    new java.security.SecureRandom().nextBytes(nonce);
    Sys sys = Sys.newBuilder().setMachinename("host1").setUser("frodo@").setGroup("baggins@")
        .setJdaosValidity(Validity.newBuilder().setNotBeforeMs(notBefore).setNotAfterMs(notAfter)
            .setNonce(ByteString.copyFrom(nonce))).build();
    return Token.newBuilder().setFlavor(Flavor.AUTH_SYS).setData(sys.toByteString()).build();
  }

  private static ValidateCredResp call(DrpcClient c, Credential cred) throws Exception {
    return ValidateCredResp.parseFrom(c.call(DrpcMethod.SEC_VALIDATE_CREDS,
        ValidateCredReq.newBuilder().setCred(cred).build().toByteArray()));
  }

  /** {@code <dir>/agent.crt} (self-signed RSA 2048) by openssl; returns its private key. */
  private PrivateKey agentKeyAndCert() throws Exception {
    Path key = dir.resolve("agent.key");
    Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
        key.toString(), "-out", dir.resolve("agent.crt").toString(), "-days", "1", "-subj", "/CN=agent")
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    Assumptions.assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl unavailable");
    String pem = Files.readString(key, StandardCharsets.US_ASCII);
    Assumptions.assumeTrue(pem.contains("BEGIN PRIVATE KEY"), "openssl wrote a non-PKCS#8 key");
    String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
  }

  /** RSA-PSS/SHA-512 with the maximal salt, as Go's rsa.SignPSS with default options. */
  private static byte[] sign(PrivateKey key, byte[] data) throws Exception {
    Signature s = Signature.getInstance("RSASSA-PSS");
    int emLen = (((java.security.interfaces.RSAKey) key).getModulus().bitLength() - 1 + 7) / 8;
    s.setParameter(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, emLen - 64 - 2, 1));
    s.initSign(key);
    s.update(data);
    return s.sign();
  }
}
