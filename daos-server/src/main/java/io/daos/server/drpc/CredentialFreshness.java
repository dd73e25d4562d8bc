package io.daos.server.drpc;

import com.google.protobuf.ByteString;
import io.daos.proto.auth.Sys;
import io.daos.proto.auth.Validity;
import io.daos.server.config.CredentialPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * jdaos extension (not in DAOS): after the signature holds, a credential must be inside its validity window
 * (widened by the clock skew allowance), and a single-use credential's nonce must not have been seen in that
 * window. Only nonces whose window is still open are remembered, so memory is bounded by the issue rate times
 * the window. A credential without a window (a DAOS agent's) passes only when the policy accepts legacy ones.
 */
final class CredentialFreshness {
  /** The longest window accepted: it bounds how long a nonce must be remembered. */
  static final Duration MAX_WINDOW = Duration.ofHours(24);
  static final int MIN_NONCE_BYTES = 16;

  private final CredentialPolicy policy;
  private final Clock clock;
  private final Map<ByteString, Long> seen = new HashMap<>();
  private final PriorityQueue<Seen> byExpiry = new PriorityQueue<>((a, b) -> Long.compare(a.forgetAt, b.forgetAt));

  CredentialFreshness(CredentialPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** Why {@code sys} is refused, or empty when it may be used now (its nonce is then remembered). */
  synchronized Optional<String> check(Sys sys) {
    long now = clock.millis();
    forget(now);
    if (!sys.hasJdaosValidity()) {
      return policy.acceptLegacy() ? Optional.empty() : Optional.of("credential has no validity window (a DAOS "
          + "agent's?) and transport_config.accept_legacy_credentials is false");
    }
    Validity v = sys.getJdaosValidity();
    long skew = policy.clockSkew().toMillis();
    if (v.getNotAfterMs() < v.getNotBeforeMs() || v.getNotAfterMs() - v.getNotBeforeMs() > MAX_WINDOW.toMillis()) {
      return Optional.of("credential window " + window(v) + " is empty or longer than " + MAX_WINDOW);
    }
    if (now + skew < v.getNotBeforeMs()) {
      return Optional.of("credential is not valid before " + Instant.ofEpochMilli(v.getNotBeforeMs())
          + " (server time " + Instant.ofEpochMilli(now) + "); check the agent's and server's clocks");
    }
    if (now - skew > v.getNotAfterMs()) {
      return Optional.of("credential expired at " + Instant.ofEpochMilli(v.getNotAfterMs()) + " (server time "
          + Instant.ofEpochMilli(now) + ")");
    }
    return v.getReusable() ? Optional.empty() : remember(v.getNonce(), v.getNotAfterMs() + skew);
  }

  private Optional<String> remember(ByteString nonce, long forgetAt) {
    if (nonce.size() < MIN_NONCE_BYTES) {
      return Optional.of("single-use credential has a nonce of " + nonce.size() + " bytes, want at least "
          + MIN_NONCE_BYTES);
    }
    if (seen.putIfAbsent(nonce, forgetAt) != null) {
      return Optional.of("credential was already used (replayed nonce)");
    }
    byExpiry.add(new Seen(nonce, forgetAt));
    return Optional.empty();
  }

  /** Drops the nonces whose window (plus skew) has closed: the window check alone refuses them now. */
  private void forget(long now) {
    while (!byExpiry.isEmpty() && byExpiry.peek().forgetAt < now) {
      seen.remove(byExpiry.poll().nonce);
    }
  }

  /** How many nonces are remembered. */
  synchronized int remembered() {
    return seen.size();
  }

  private static String window(Validity v) {
    return "[" + Instant.ofEpochMilli(v.getNotBeforeMs()) + ", " + Instant.ofEpochMilli(v.getNotAfterMs()) + "]";
  }

  private record Seen(ByteString nonce, long forgetAt) {
  }
}
