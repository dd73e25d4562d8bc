package io.daos.dmg.command.pool;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import io.daos.common.ByteSize;
import io.daos.common.ranklist.RankSet;
import io.daos.dmg.command.CommandError;
import io.daos.proto.mgmt.PoolProperty;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * DAOS's pool property table as dmg knows it (lib/daos/pool_property.go): name, DAOS_PROP_PO_* number,
 * description, how a value given on the command line becomes a number or string (with DAOS's error texts), how
 * a value is shown in the table and how it is marshalled in JSON.
 */
public final class PoolProps {
  private static final long U32_MAX = 0xFFFFFFFFL;
  private static final Map<String, PoolPropDef> ALL;

  static {
    Map<String, PoolPropDef> m = new TreeMap<>();
    add(m, PoolPropDef.enumerated("reclaim", 5, "Reclaim strategy", Map.of("disabled", 0L, "lazy", 1L, "time", 4L)));
    add(m, PoolPropDef.selfHeal());
    add(m, PoolPropDef.numeric("space_rb", 3, "Rebuild space ratio", s -> range(s.replace("%", ""), 0, 100,
        "invalid space_rb value " + s + " (valid values: 0-100)"), n -> n + "%"));
    add(m, PoolPropDef.numeric("svc_ops_enabled", 26, "Metadata duplicate operations detection enabled",
        s -> range(s, 0, 1, "invalid svc_ops_enabled value " + s + " (valid values: 0-1)"), String::valueOf));
    add(m, PoolPropDef.numeric("svc_ops_entry_age", 27, "Metadata duplicate operations KVS max entry age, in seconds",
        s -> range(s, 60, 600, "invalid svc_ops_entry_age " + s + " (valid values: 60-600)"), String::valueOf));
    add(m, PoolPropDef.label());
    add(m, PoolPropDef.numeric("ec_cell_sz", 9, "EC cell size", PoolProps::ecCell, PoolProps::iec));
    add(m, PoolPropDef.numeric("rd_fac", 11, "Pool redundancy factor", s -> range(s, 0, 4,
        "invalid redun fac value " + s + " (valid values: 0-4)"), String::valueOf));
    add(m, PoolPropDef.numeric("ec_pda", 12, "Performance domain affinity level of EC", s -> range(s, 1, U32_MAX,
        "invalid ec_pda value \"" + s + "\""), String::valueOf));
    add(m, PoolPropDef.numeric("rp_pda", 13, "Performance domain affinity level of RP", s -> range(s, 1, U32_MAX,
        "invalid rp_pda value \"" + s + "\""), String::valueOf));
    add(m, PoolPropDef.numeric("data_thresh", 10, "Data bdev threshold size", PoolProps::dataThresh, PoolProps::iec));
    add(m, PoolPropDef.numeric("global_version", 14, "Global Version", s -> range(s, 0, U32_MAX,
        "invalid global version \"" + s + "\""), String::valueOf));
    add(m, PoolPropDef.enumerated("upgrade_status", 15, "Upgrade Status", Map.of("not started", 0L, "in progress",
        1L, "completed", 2L, "failed", 3L)));
    add(m, PoolPropDef.enumerated("scrub", 16, "Checksum scrubbing mode", Map.of("off", 0L, "lazy", 1L, "timed",
        2L)));
    add(m, PoolPropDef.numeric("scrub_freq", 17, "Checksum scrubbing frequency", s -> range(s.replace("%", ""), 0,
        Long.MAX_VALUE, "invalid Scrubbing Frequency value " + s), String::valueOf));
    add(m, PoolPropDef.numeric("scrub_thresh", 18, "Checksum scrubbing threshold", s -> range(s.replace("%", ""), 0,
        Long.MAX_VALUE, "invalid Scrubbing Threshold value \"" + s + "\""), String::valueOf));
    add(m, PoolPropDef.enumerated("perf_domain", 21, "Pool performance domain", Map.of("root", 255L, "group",
        200L)));
    add(m, PoolPropDef.numeric("svc_rf", 19, "Pool service redundancy factor", s -> range(s, 0, 4,
        "invalid service redundancy factor value " + s + " (valid values: 0-4)"), String::valueOf));
    add(m, PoolPropDef.svcList());
    add(m, PoolPropDef.enumerated("checkpoint", 22, "WAL checkpointing behavior", Map.of("disabled", 0L, "timed",
        1L, "lazy", 2L)));
    add(m, PoolPropDef.numeric("checkpoint_freq", 23, "WAL checkpointing frequency, in seconds", s -> range(s, 0,
        Long.MAX_VALUE, "invalid Checkpointing Frequency value " + s), String::valueOf));
    add(m, PoolPropDef.numeric("checkpoint_thresh", 24, "WAL checkpoint threshold, in percentage", s -> range(s, 0,
        U32_MAX, "invalid Checkpointing threshold value " + s), String::valueOf));
    add(m, PoolPropDef.enumerated("reintegration", 25, "Reintegration mode", Map.of("data_sync", 0L, "no_data_sync",
        1L, "incremental", 2L)));
    ALL = Collections.unmodifiableMap(m);
  }

  private PoolProps() {
  }

  private static void add(Map<String, PoolPropDef> m, PoolPropDef d) {
    m.put(d.name(), d);
  }

  /** Every property by name, in name order. */
  public static Map<String, PoolPropDef> all() {
    return ALL;
  }

  /** DAOS's deprecated names. */
  static String canonical(String key) {
    return key.equals("rf") ? "rd_fac" : key;
  }

  static long range(String s, long min, long max, String err) {
    long v;
    try {
      v = Long.parseUnsignedLong(s.trim());
    } catch (NumberFormatException e) {
      throw new CommandError(err);
    }
    if (Long.compareUnsigned(v, min) < 0 || Long.compareUnsigned(v, max) > 0) {
      throw new CommandError(err);
    }
    return v;
  }

  private static long ecCell(String s) {
    long b = bytes(s, "invalid EC Cell size \"" + s + "\"");
    if (b < 4 * ByteSize.KIB || b > ByteSize.MIB || b % 32 != 0) {
      throw new CommandError("invalid EC Cell size \"" + s + "\"");
    }
    return b;
  }

  private static long dataThresh(String s) {
    long b = bytes(s, "invalid data threshold size \"" + s + "\"");
    if (Long.compareUnsigned(b, U32_MAX) > 0) {
      throw new CommandError("invalid data threshold size \"" + s + "\"");
    }
    return b;
  }

  private static long bytes(String s, String err) {
    try {
      return ByteSize.parse(s).bytes();
    } catch (RuntimeException e) {
      throw new CommandError(err);
    }
  }

  private static String iec(long n) {
    return ByteSize.ofBytes(n).toIecString();
  }

  /** The JSON of svc_list: the ranks as an int array. */
  static JsonElement rankArray(String text) {
    JsonArray a = new JsonArray();
    RankSet.parse(text).ints().forEach(r -> a.add(new JsonPrimitive(r)));
    return a;
  }

  /** The value as a PoolProperty the MS takes. */
  static PoolProperty toWire(PoolPropDef def, Object value) {
    PoolProperty.Builder b = PoolProperty.newBuilder().setNumber(def.number());
    return value instanceof Long n ? b.setNumval(n).build() : b.setStrval((String) value).build();
  }
}
