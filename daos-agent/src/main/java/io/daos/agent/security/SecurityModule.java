package io.daos.agent.security;

import io.daos.agent.config.CredentialConfig;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcModule;
import io.daos.drpc.PeerCredentials;
import io.daos.drpc.server.DrpcCallContext;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.proto.auth.Credential;
import io.daos.proto.auth.GetCredResp;
import io.daos.proto.auth.Validity;
import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's SEC_AGENT module (DAOS cmd/daos_agent/security_rpc.go): REQUEST_CREDS (101) answers the
 * connected peer's AUTH_SYS credential from its SO_PEERCRED uid/gid. A uid the host cannot name uses
 * {@code client_user_map} (or its "default"), else the answer is DER_MISC. With
 * {@code credential_config.cache_expiration} set, a credential is reused per uid:gid until it expires.
 *
 * <p>jdaos extension: every credential carries a {@link Validity}. Uncached, it is single-use: a fresh nonce and
 * the window [now, now + validity]. Cached, it is marked reusable and its window is [now, now + cache_expiration +
 * validity], so that the last hand-out from the cache still has {@code validity} left; the cache never hands it
 * out past now + cache_expiration.
 */
public final class SecurityModule {
  private static final Logger LOG = LoggerFactory.getLogger(SecurityModule.class);
  static final int NONCE_BYTES = 16;

  private final CredentialFactory factory;
  private final CredentialConfig config;
  private final PrivateKey signingKey;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /** @param signingKey the agent key, or null in insecure mode (verifier = SHA-512 digest) */
  public SecurityModule(CredentialFactory factory, CredentialConfig config, PrivateKey signingKey, Clock clock) {
    this.factory = factory;
    this.config = config;
    this.signingKey = signingKey;
    this.clock = clock;
  }

  /** Registers module SEC_AGENT and REQUEST_CREDS in {@code registry}. */
  public void register(DrpcRegistry registry) {
    registry.registerModule(DrpcModule.SEC_AGENT);
    registry.register(DrpcMethod.SEC_AGENT_REQUEST_CREDS, this::requestCreds);
  }

  byte[] requestCreds(DrpcCallContext ctx, byte[] body) {
    PeerCredentials peer = ctx.peer();
    if (peer == null || peer.uid() < 0) {
      LOG.error("Unable to get credentials for client socket: peer credentials unavailable");
      return status(DaosStatus.MISC);
    }
    try {
      return GetCredResp.newBuilder().setCred(credential(peer)).build().toByteArray();
    } catch (CredentialFactory.UnknownUserException | GeneralSecurityException | RuntimeException e) {
      LOG.error("pid {} uid {}: failed to get user credential: {}", peer.pid(), peer.uid(), e.getMessage());
      return status(DaosStatus.MISC);
    }
  }

  private Credential credential(PeerCredentials peer) throws CredentialFactory.UnknownUserException,
      GeneralSecurityException {
    Instant now = clock.instant();
    if (!config.caching()) {
      return sign(peer, validity(now, config.validity(), false));
    }
    String key = peer.uid() + ":" + peer.gid() + ":";
    Cached c = cache.get(key);
    if (c != null && now.isBefore(c.expiresAt)) {
      return c.cred;
    }
    Credential cred = sign(peer, validity(now, config.cacheExpiration().plus(config.validity()), true));
    cache.put(key, new Cached(cred, now.plus(config.cacheExpiration())));
    return cred;
  }

  private Validity validity(Instant now, java.time.Duration lifetime, boolean reusable) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    return Validity.newBuilder().setNotBeforeMs(now.toEpochMilli()).setNotAfterMs(now.plus(lifetime).toEpochMilli())
        .setNonce(ByteString.copyFrom(nonce)).setReusable(reusable).build();
  }

  private Credential sign(PeerCredentials peer, Validity v) throws CredentialFactory.UnknownUserException,
      GeneralSecurityException {
    try {
      return factory.create(peer.uid(), peer.gid(), signingKey, v);
    } catch (CredentialFactory.UnknownUserException e) {
      CredentialConfig.MappedClientUser mu = config.lookup(peer.uid()).orElseThrow(() -> e);
      return factory.createMapped(mu, signingKey, v);
    }
  }

  private static byte[] status(DaosStatus s) {
    return GetCredResp.newBuilder().setStatus(s.code()).build().toByteArray();
  }

  private record Cached(Credential cred, Instant expiresAt) {
  }
}
