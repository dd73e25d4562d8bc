package io.daos.server.config;

import java.time.Duration;

/**
 * jdaos extension keys of {@code transport_config} for the credential checks beyond DAOS
 * (docs/security-credentials.md).
 *
 * @param acceptLegacy {@code accept_legacy_credentials}: accept credentials without a validity window, as a DAOS
 *     agent issues them (default true, so real DAOS agents keep working; false closes the replay gap for them)
 * @param clockSkew {@code credential_clock_skew} (seconds): how far agent and server clocks may disagree
 */
public record CredentialPolicy(boolean acceptLegacy, Duration clockSkew) {
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
  /** The largest {@code credential_clock_skew} accepted (the skew also widens every credential's window). */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);
  public static final CredentialPolicy DEFAULT = new CredentialPolicy(true, DEFAULT_CLOCK_SKEW);

  public CredentialPolicy {
    if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException("credential_clock_skew must be 0.." + MAX_CLOCK_SKEW.toSeconds()
          + " seconds, got " + clockSkew.toSeconds());
    }
  }
}
