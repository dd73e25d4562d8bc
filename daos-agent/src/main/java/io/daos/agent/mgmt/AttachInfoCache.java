package io.daos.agent.mgmt;

import io.daos.proto.mgmt.GetAttachInfoResp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's attach-info cache (DAOS infocache.go): one MS answer per system name, fetched on first use and
 * again once older than {@code expiration} (zero: kept until {@link #refresh()}); when disabled every call
 * asks the MS. Failures are not cached.
 */
public final class AttachInfoCache {
  private static final Logger LOG = LoggerFactory.getLogger(AttachInfoCache.class);

  private final AttachInfoSource source;
  private final Clock clock;
  private final Duration expiration;
  private final boolean disabled;
  private final Map<String, Entry> entries = new HashMap<>();

  public AttachInfoCache(AttachInfoSource source, Clock clock, Duration expiration, boolean disabled) {
    this.source = source;
    this.clock = clock;
    this.expiration = expiration;
    this.disabled = disabled;
  }

  public boolean isEnabled() {
    return !disabled;
  }

  /** The attach info of {@code sys}, from the cache when fresh. */
  public synchronized GetAttachInfoResp get(String sys) {
    if (disabled) {
      return source.fetch(sys);
    }
    Entry e = entries.get(sys);
    Instant now = clock.instant();
    if (e != null && !expired(e, now)) {
      return e.resp;
    }
    LOG.debug("attach info cache miss for system \"{}\"", sys);
    GetAttachInfoResp resp = source.fetch(sys);
    entries.put(sys, new Entry(resp, now));
    return resp;
  }

  /** Re-fetches every cached system now (SIGUSR2); does nothing before the first fetch. */
  public synchronized void refresh() {
    for (String sys : entries.keySet().toArray(new String[0])) {
      entries.put(sys, new Entry(source.fetch(sys), clock.instant()));
    }
  }

  private boolean expired(Entry e, Instant now) {
    return !expiration.isZero() && !now.isBefore(e.fetchedAt.plus(expiration));
  }

  private record Entry(GetAttachInfoResp resp, Instant fetchedAt) {
  }
}
