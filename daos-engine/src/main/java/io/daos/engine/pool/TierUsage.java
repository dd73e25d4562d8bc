package io.daos.engine.pool;

/** Space of one tier of a pool on this engine, like DAOS's per-tier pool space (bytes; min/max/mean per target). */
public record TierUsage(long total, long free, long min, long max, long mean) {
}
