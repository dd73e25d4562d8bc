package io.daos.server.drpc;

import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcModule;
import io.daos.drpc.server.DrpcCallContext;
import io.daos.drpc.server.DrpcRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.proto.auth.Credential;
import io.daos.proto.auth.Flavor;
import io.daos.proto.auth.Sys;
import io.daos.server.config.CredentialPolicy;
import io.daos.proto.auth.ValidateCredReq;
import io.daos.proto.auth.ValidateCredResp;
import io.daos.security.TokenSigner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * daos_server's SEC module (DAOS server/security_rpc.go): VALIDATE_CREDS (401) checks a client credential
 * an engine forwards. Missing token or verifier: DER_INVAL. Insecure mode: the verifier must equal the
 * SHA-512 digest of the marshalled token. Secure mode: {@code <client_cert_dir>/<origin>.crt} must load
 * (else DER_NO_CERT) and the verifier must be its key's RSA-PSS/SHA-512 signature of the token (MGF1-SHA-512,
 * any salt length Go's verifier accepts is the maximal one we use). A failed check is DER_NO_PERM.
 * Beyond DAOS, a verified credential must also be fresh ({@link CredentialFreshness}: inside its validity window, a
 * single-use nonce not seen before), else DER_NO_PERM. Success returns the token.
 */
public final class SecDrpcHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(SecDrpcHandlers.class);
  /** A flood of bad credentials logs a few lines a minute, not one each. */
  private static final io.daos.common.LogLimiter LOG_LIMIT = io.daos.common.LogLimiter.perMinute();

  private final boolean allowInsecure;
  private final Path clientCertDir;
  private final CredentialFreshness freshness;

  SecDrpcHandlers(boolean allowInsecure, Path clientCertDir, CredentialFreshness freshness) {
    this.allowInsecure = allowInsecure;
    this.clientCertDir = clientCertDir;
    this.freshness = freshness;
  }

  /**
   * Registers module SEC and VALIDATE_CREDS in {@code registry}; returns it. {@code clock} reads the time the
   * credential windows are checked against.
   */
  public static DrpcRegistry register(DrpcRegistry registry, boolean allowInsecure, Path clientCertDir,
      CredentialPolicy policy, Clock clock) {
    SecDrpcHandlers h = new SecDrpcHandlers(allowInsecure, clientCertDir, new CredentialFreshness(policy, clock));
    registry.registerModule(DrpcModule.SEC);
    registry.register(DrpcMethod.SEC_VALIDATE_CREDS, h::validateCredentials);
    return registry;
  }

  byte[] validateCredentials(DrpcCallContext ctx, byte[] body) throws Exception {
    Credential cred = ValidateCredReq.parseFrom(body).getCred();
    if (!cred.hasToken() || !cred.hasVerifier()) {
      LOG_LIMIT.error(LOG, "cred-malformed", "malformed credential");
      return status(DaosStatus.INVAL);
    }
    byte[] token = cred.getToken().toByteArray();
    byte[] verifier = cred.getVerifier().getData().toByteArray();
    if (allowInsecure) {
      if (!MessageDigest.isEqual(TokenSigner.hash(token), verifier)) {
        LOG_LIMIT.error(LOG, "cred-unsigned",
            "cred verification failed: unsigned hash failed to verify.");
        return status(DaosStatus.NO_PERM);
      }
      return fresh(cred);
    }
    PublicKey key;
    Path certPath = clientCertDir.resolve(cred.getOrigin() + ".crt");
    try {
      key = loadPublicKey(cred.getOrigin(), certPath);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      LOG_LIMIT.error(LOG, "cred-cert", "loading certificate {} failed: {}", certPath, e.toString());
      return status(DaosStatus.NO_CERT);
    }
    if (!verifyPss(key, token, verifier)) {
      LOG_LIMIT.error(LOG, "cred-signature",
          "cred verification failed: token verification Failed (origin {})", cred.getOrigin());
      return status(DaosStatus.NO_PERM);
    }
    return fresh(cred);
  }

  /** The answer for a credential whose verifier holds: the token when it is fresh, else DER_NO_PERM. */
  private byte[] fresh(Credential cred) {
    Sys sys;
    try {
      sys = cred.getToken().getFlavor() == Flavor.AUTH_SYS ? Sys.parseFrom(cred.getToken().getData()) : null;
    } catch (InvalidProtocolBufferException e) {
      sys = null;
    }
    if (sys == null) {
      LOG_LIMIT.error(LOG, "cred-token",
          "cred verification failed: token is not a valid AUTH_SYS token (origin {})", cred.getOrigin());
      return status(DaosStatus.NO_PERM);
    }
    Optional<String> refused = freshness.check(sys);
    if (refused.isPresent()) {
      LOG_LIMIT.error(LOG, "cred-refused",
          "cred verification failed: {} (user {}, machine {}, origin {})", refused.get(), sys.getUser(),
          sys.getMachinename(), cred.getOrigin());
      return status(DaosStatus.NO_PERM);
    }
    return ok(cred);
  }

  private static byte[] ok(Credential cred) {
    return ValidateCredResp.newBuilder().setToken(cred.getToken()).build().toByteArray();
  }

  private static byte[] status(DaosStatus s) {
    return ValidateCredResp.newBuilder().setStatus(s.code()).build().toByteArray();
  }

  private static PublicKey loadPublicKey(String origin, Path cert) throws IOException, GeneralSecurityException {
    if (origin.isEmpty() || origin.contains("/") || origin.startsWith(".")) {
      throw new GeneralSecurityException("invalid credential origin \"" + origin + "\"");
    }
    try (InputStream in = Files.newInputStream(cert)) {
      return CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey();
    }
  }

  private static boolean verifyPss(PublicKey key, byte[] data, byte[] sig) {
    try {
      return TokenSigner.verify(key, data, sig);
    } catch (GeneralSecurityException e) {
      LOG_LIMIT.error(LOG, "cred-failed", "cred verification failed: {}", e.getMessage());
      return false;
    }
  }
}
