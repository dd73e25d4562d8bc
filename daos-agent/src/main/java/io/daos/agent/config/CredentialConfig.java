package io.daos.agent.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code credential_config} (DAOS security.CredentialConfig): how long a signed credential may be reused
 * ({@code cache_expiration}, zero = no cache) and {@code client_user_map}, the names to use for uids this
 * host cannot resolve (key {@link #DEFAULT_KEY} = "default").
 */
public record CredentialConfig(Duration cacheExpiration, Map<Long, MappedClientUser> clientUserMap) {
  /** The key "default" maps to (DAOS: the all-ones uint32, which is reserved as a uid). */
  public static final long DEFAULT_KEY = 0xFFFF_FFFFL;
  public static final CredentialConfig NONE = new CredentialConfig(Duration.ZERO, Map.of());

  public CredentialConfig {
    clientUserMap = Map.copyOf(clientUserMap);
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
