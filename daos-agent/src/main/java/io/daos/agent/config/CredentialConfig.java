package io.daos.agent.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code credential_config} (DAOS security.CredentialConfig): how long a signed credential may be reused
 * ({@code cache_expiration}, zero = no cache) and {@code client_user_map}, the names to use for uids this
 * host cannot resolve (key {@link #DEFAULT_KEY} = "default"). jdaos extension: {@code validity}, how long a
 * credential may be used after the agent hands it out (docs/security-credentials.md).
 */
public record CredentialConfig(Duration cacheExpiration, Map<Long, MappedClientUser> clientUserMap,
    Duration validity) {
  /** The key "default" maps to (DAOS: the all-ones uint32, which is reserved as a uid). */
  public static final long DEFAULT_KEY = 0xFFFF_FFFFL;
  /** Default {@code validity}: a pool connect follows the credential request at once; two minutes is ample. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(2);
  /** The longest window (cache_expiration + validity) a jdaos daos_server accepts. */
  public static final Duration MAX_WINDOW = Duration.ofHours(24);
  public static final CredentialConfig NONE = new CredentialConfig(Duration.ZERO, Map.of());

  public CredentialConfig {
    clientUserMap = Map.copyOf(clientUserMap);
    if (validity.isZero() || validity.isNegative()) {
      throw new IllegalArgumentException("credential_config.validity must be positive, got " + validity);
    }
    if (cacheExpiration.plus(validity).compareTo(MAX_WINDOW) > 0) {
      throw new IllegalArgumentException("credential_config: cache_expiration (" + cacheExpiration
          + ") + validity (" + validity + ") is longer than " + MAX_WINDOW + ", which daos_server refuses; "
          + "shorten cache_expiration");
    }
  }

  public CredentialConfig(Duration cacheExpiration, Map<Long, MappedClientUser> clientUserMap) {
    this(cacheExpiration, clientUserMap, DEFAULT_VALIDITY);
  }

  /** Whether signed credentials are cached ({@code cache_expiration} above zero). */
  public boolean caching() {
    return !cacheExpiration.isZero() && !cacheExpiration.isNegative();
  }

  /** The mapping for {@code uid}, else the "default" one (DAOS ClientUserMap.Lookup). */
  public Optional<MappedClientUser> lookup(long uid) {
    return Optional.ofNullable(clientUserMap.get(uid)).or(() -> Optional.ofNullable(clientUserMap.get(DEFAULT_KEY)));
  }

  /** One {@code client_user_map} entry: names without the trailing "@". */
  public record MappedClientUser(String user, String group, java.util.List<String> groups) {
    public MappedClientUser {
      user = user == null ? "" : user;
      group = group == null ? "" : group;
      groups = groups == null ? java.util.List.of() : java.util.List.copyOf(groups);
    }
  }
}
