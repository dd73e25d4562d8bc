package io.daos.tool.output.cont;

import io.daos.tool.output.CliError;
import io.daos.tool.output.Labels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The entries of DAOS's container property table ({@code propHdlrs}): names, types, descriptions, values. */
final class ContPropTable {
  static final String LAYOUT_DESC = "Layout Type (unknown, POSIX, HDF5, PYTHON, SPARK, DATABASE, ROOT, SEISMIC, METEO)";

  private ContPropTable() {
  }

  static List<ContProp> all() {
    return List.of(
        settable("label", 0x1001, "Label", ContPropTable::label, v -> str(v)),
        choice("cksum", 0x1004, "Checksum", List.of(), choices("off", 0, "crc16", 1, "crc32", 2, "crc64", 3, "sha1",
            4, "sha256", 5, "sha512", 6, "adler32", 7)),
        number("cksum_size", 0x1005, "Checksum Chunk Size", ContProps.bytes("cksum_size", s -> true),
            ContProps::iBytes),
        choice("srv_cksum", 0x1006, "Server Checksumming", List.of(), choices("off", 0, "on", 1)),
        choice("dedup", 0x100F, "Deduplication", List.of(), choices("off", 0, "memcmp", 1, "hash", 2)),
        number("dedup_threshold", 0x1010, "Dedupe Threshold", ContProps.bytes("dedup_threshold", s -> true),
            ContProps::iBytes),
        choice("compression", 0x100B, "Compression", List.of(), choices("off", 0, "lz4", 1, "deflate", 2, "deflate1",
            3, "deflate2", 4, "deflate3", 5, "deflate4", 6)),
        choice("encryption", 0x100C, "Encryption", List.of(), choices("off", 0, "aes-xts128", 1, "aes-xts256", 2,
            "aes-cbc128", 3, "aes-cbc192", 4, "aes-cbc256", 5, "aes-gcm128", 6, "aes-gcm256", 7)),
        choice("rd_fac", 0x1007, "Redundancy Factor (0-4)", List.of("rf"), choices("0", 0, "1", 1, "2", 2, "3", 3,
            "4", 4)),
        new ContProp("status", 0x1012, "Health", false, List.of(), choices("healthy", 0), null,
            ContPropTable::health, false),
        number("ec_cell_sz", 0x1014, "EC Cell Size", ContProps.bytes("ec_cell_sz", ContPropTable::ecCellValid),
            v -> ecCellValid((Long) v) ? ContProps.iBytes(v) : "invalid size " + v),
        settable("ec_pda", 0x1015, "Performance domain affinity level of EC", v -> pda("ec_pda", v),
            v -> pdaText("ec_pda", v)),
        settable("rp_pda", 0x1016, "Performance domain affinity level of RP", v -> pda("rp_pda", v),
            v -> pdaText("rp_pda", v)),
        new ContProp("rd_lvl", 0x1008, "Redundancy Level (rank=1, node=2)", false, List.of("rf_lvl"),
            choices("1", 1, "2", 2, "rank", 1, "node", 2), null,
            v -> named(v, "rd_lvl", 1, "rank", 2, "node"), false),
        new ContProp("perf_domain", 0x101A, "Performance domain level", false, List.of(),
            choices("root", 255, "group", 200), null, ContPropTable::perfDomain, false),
        readOnly("layout_type", 0x1002, LAYOUT_DESC, v -> Layouts.name((int) (long) (Long) v), false),
        readOnly("layout_version", 0x1003, "Layout Version", ContPropTable::uint, true),
        readOnly("max_snapshot", 0x1009, "Max Snapshot", ContPropTable::uint, true),
        readOnly("alloc_oid", 0x1013, "Highest Allocated OID", ContPropTable::uint, true),
        readOnly("owner", 0x100D, "Owner", ContPropTable::str, false),
        readOnly("group", 0x100E, "Group", ContPropTable::str, false),
        readOnly("global_version", 0x1017, "Global Version", ContPropTable::uint, false),
        readOnly("obj_version", 0x1019, "Object Version", ContPropTable::uint, false),
        readOnly("acl", 0x100A, "Access Control List", ContPropTable::str, false),
        readOnly("root_oids", 0x1011, "Root OIDs", ContPropTable::str, false),
        readOnly("scrub_disabled", 0x1018, "Scrubber Disabled",
            v -> (Long) v == 0 ? "false" : (Long) v == 1 ? "true" : invalid("scrub_disabled", v), false));
  }

  private static ContProp settable(String name, int type, String desc, Function<String, Object> parser,
      Function<Object, String> shown) {
    return new ContProp(name, type, desc, false, List.of(), Map.of(), parser, shown, false);
  }

  private static ContProp number(String name, int type, String desc, Function<String, Object> parser,
      Function<Object, String> shown) {
    return new ContProp(name, type, desc, false, List.of(), Map.of(), parser, shown, true);
  }

  private static ContProp choice(String name, int type, String desc, List<String> deprecated,
      Map<String, Long> choices) {
    return new ContProp(name, type, desc, false, deprecated, choices, null, v -> choiceName(name, choices, v), false);
  }

  private static ContProp readOnly(String name, int type, String desc, Function<Object, String> shown,
      boolean jsonNumber) {
    return new ContProp(name, type, desc, true, List.of(), Map.of(), null, shown, jsonNumber);
  }

  private static Map<String, Long> choices(Object... kv) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], ((Integer) kv[i + 1]).longValue());
    }
    return m;
  }

  private static String choiceName(String name, Map<String, Long> choices, Object v) {
    return choices.entrySet().stream().filter(e -> e.getValue().equals(v)).map(Map.Entry::getKey).findFirst()
        .orElseGet(() -> invalid(name, v));
  }

  private static String named(Object v, String name, long a, String an, long b, String bn) {
    long n = (Long) v;
    return n == a ? an : n == b ? bn : invalid(name, v);
  }

  static String invalid(String name, Object v) {
    return "property \"" + name + "\": invalid value 0x" + Long.toHexString((Long) v);
  }

  private static Object label(String v) {
    if (!Labels.valid(v)) {
      throw CliError.of("invalid label \"" + v + "\"");
    }
    return v;
  }

  private static String str(Object v) {
    String s = v.toString();
    return s.isEmpty() ? "not set" : s;
  }

  private static String uint(Object v) {
    return v instanceof Long l ? Long.toUnsignedString(l) : v.toString();
  }

  private static String health(Object v) {
    long status = ((Long) v >>> 32) & 0xFFFF;
    return status == 0 ? "HEALTHY" : status == 1 ? "UNCLEAN" : invalid("status", v);
  }

  private static String perfDomain(Object v) {
    long n = (Long) v;
    return n == 255 ? "root (255)" : n == 200 ? "group (200)" : "(" + n + ")";
  }

  private static boolean ecCellValid(long size) {
    return size >= 4 << 10 && size <= 1024 << 10 && size % 32 == 0;
  }

  private static Object pda(String name, String v) {
    long n;
    try {
      n = Long.parseUnsignedLong(v);
    } catch (NumberFormatException e) {
      throw CliError.of("properties: invalid " + name + " \"" + v + "\"");
    }
    if (n == 0 || n > 0xFFFFFFFFL) {
      throw CliError.of("invalid " + name + " " + Long.toUnsignedString(n));
    }
    return n;
  }

  private static String pdaText(String name, Object v) {
    long n = (Long) v;
    return n == 0 || n > 0xFFFFFFFFL ? "invalid " + name + " " + n : Long.toString(n);
  }
}
