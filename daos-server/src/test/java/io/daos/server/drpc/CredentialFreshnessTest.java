package io.daos.server.drpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.daos.proto.auth.Sys;
import io.daos.proto.auth.Validity;
import io.daos.server.config.CredentialPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The jdaos credential window and nonce checks, against a clock the test sets. */
class CredentialFreshnessTest {
  private static final long T0 = Instant.parse("2026-12-07T08:00:00Z").toEpochMilli();
  private static final long SKEW = CredentialPolicy.DEFAULT_CLOCK_SKEW.toMillis();
  private static int nonces;

  private final SetClock clock = new SetClock();

  record Case(String name, Sys sys, long now, String refusal) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("inside the window", sys(T0, T0 + 120_000, false), T0 + 1_000, null),
        new Case("expired", sys(T0, T0 + 120_000, false), T0 + 120_000 + SKEW + 1, "expired at"),
        new Case("expired but within the clock skew", sys(T0, T0 + 120_000, false), T0 + 120_000 + SKEW, null),
        new Case("not yet valid", sys(T0, T0 + 120_000, false), T0 - SKEW - 1, "not valid before"),
        new Case("agent clock ahead within the skew", sys(T0, T0 + 120_000, false), T0 - SKEW, null),
        new Case("window ends before it starts", sys(T0, T0 - 1, false), T0, "is empty or longer"),
        new Case("window longer than a day", sys(T0, T0 + Duration.ofHours(25).toMillis(), false), T0,
            "is empty or longer"),
        new Case("short nonce", sys(T0, T0 + 1000, false).toBuilder().setJdaosValidity(
            Validity.newBuilder().setNotBeforeMs(T0).setNotAfterMs(T0 + 1000).setNonce(ByteString.copyFrom(
                new byte[4]))).build(), T0, "nonce of 4 bytes"),
        new Case("legacy (no window) accepted by default", Sys.newBuilder().setUser("frodo@").build(), T0, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void check(Case c) {
    clock.now = c.now();
    Optional<String> r = new CredentialFreshness(CredentialPolicy.DEFAULT, clock).check(c.sys());
    if (c.refusal() == null) {
      assertEquals(Optional.empty(), r);
    } else {
      assertTrue(r.isPresent() && r.get().contains(c.refusal()), r.toString());
    }
  }

  @Test
  void legacyRefusedWhenPolicySaysSo() {
    Optional<String> r = new CredentialFreshness(new CredentialPolicy(false, Duration.ofSeconds(30)), clock)
        .check(Sys.newBuilder().setUser("frodo@").build());
    assertTrue(r.orElse("").contains("accept_legacy_credentials is false"), r.toString());
  }

  @Test
  void singleUseCredentialReplayedIsRefused() {
    clock.now = T0;
    CredentialFreshness f = new CredentialFreshness(CredentialPolicy.DEFAULT, clock);
    Sys s = sys(T0, T0 + 60_000, false);
    assertEquals(Optional.empty(), f.check(s));
    clock.now = T0 + 10_000;
    assertEquals(Optional.of("credential was already used (replayed nonce)"), f.check(s));
    assertEquals(Optional.empty(), f.check(sys(T0, T0 + 60_000, false)));
  }

  @Test
  void reusableCredentialMayBeUsedAgainInsideItsWindow() {
    clock.now = T0;
    CredentialFreshness f = new CredentialFreshness(CredentialPolicy.DEFAULT, clock);
    Sys s = sys(T0, T0 + 60_000, true);
    assertEquals(Optional.empty(), f.check(s));
    clock.now = T0 + 59_000;
    assertEquals(Optional.empty(), f.check(s));
    assertEquals(0, f.remembered());
    clock.now = T0 + 60_000 + SKEW + 1;
    assertTrue(f.check(s).orElse("").contains("expired"));
  }

  /** Only nonces whose window is still open are kept. */
  @Test
  void noncesAreForgottenWhenTheirWindowCloses() {
    clock.now = T0;
    CredentialFreshness f = new CredentialFreshness(CredentialPolicy.DEFAULT, clock);
    for (int i = 0; i < 100; i++) {
      assertEquals(Optional.empty(), f.check(sys(T0, T0 + 10_000 + i, false)));
    }
    assertEquals(100, f.remembered());
    clock.now = T0 + 10_000 + 50 + SKEW;
    assertEquals(Optional.empty(), f.check(sys(T0, T0 + 120_000, false)));
    assertEquals(50 + 1, f.remembered());
    clock.now = T0 + 120_000 + SKEW + 1;
    f.check(Sys.getDefaultInstance());
    assertEquals(0, f.remembered());
  }

  private static Sys sys(long notBefore, long notAfter, boolean reusable) {
    byte[] nonce = new byte[16];
    int n = ++nonces;
    nonce[0] = (byte) n;
    nonce[1] = (byte) (n >> 8);
    return Sys.newBuilder().setUser("frodo@").setGroup("baggins@").setJdaosValidity(Validity.newBuilder()
        .setNotBeforeMs(notBefore).setNotAfterMs(notAfter).setNonce(ByteString.copyFrom(nonce))
        .setReusable(reusable)).build();
  }

  private static final class SetClock extends Clock {
    long now = T0;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now);
    }
  }
}
