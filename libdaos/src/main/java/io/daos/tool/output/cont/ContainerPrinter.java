package io.daos.tool.output.cont;

import io.daos.client.dfs.DfsAttr;
import io.daos.common.ByteSize;
import io.daos.placement.object.ObjectClass;
import io.daos.tool.output.HlcTime;
import io.daos.tool.output.Obj;
import io.daos.tool.output.Tables;
import io.daos.client.pool.ContainerSummary;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Container text and JSON as DAOS's pretty.PrintContainerInfo / PrintContainers and daos.ContainerInfo give them. */
public final class ContainerPrinter {
  private ContainerPrinter() {
  }

  /** The "Container UUID : ..." block followed by an empty line; {@code verbose} adds the query details. */
  public static String info(ContQueryInfo ci, boolean verbose, ZoneId zone) {
    return info(ci, null, verbose, zone);
  }

  /** As above; {@code posix} (a POSIX container's DFS attributes, or null) adds its rows to the verbose form. */
  public static String info(ContQueryInfo ci, DfsAttr posix, boolean verbose, ZoneId zone) {
    List<Map.Entry<String, String>> rows = new ArrayList<>(Tables.rows("Container UUID", ci.uuid().toString()));
    if (!ci.label().isEmpty()) {
      rows.add(Map.entry("Container Label", ci.label()));
    }
    rows.add(Map.entry("Container Type", Layouts.name(ci.layout())));
    if (verbose) {
      rows.addAll(Tables.rows("Pool UUID", ci.poolUuid().toString(),
          "Container redundancy factor", Integer.toString(ci.redundancyFactor()),
          "Number of open handles", Integer.toString(ci.openHandles()),
          "Latest open time", HlcTime.goString(ci.openTime(), zone) + " (" + hex(ci.openTime()) + ")",
          "Latest close/modify time", HlcTime.goString(ci.modifyTime(), zone) + " (" + hex(ci.modifyTime()) + ")",
          "Number of snapshots", Integer.toString(ci.snapshots())));
      if (ci.latestSnapshot() != 0) {
        rows.add(Map.entry("Latest Persistent Snapshot", hex(ci.latestSnapshot()) + " ("
            + HlcTime.goString(ci.latestSnapshot(), zone) + ")"));
      }
      if (posix != null) {
        posixRows(rows, posix);
      }
    }
    return Tables.entity(rows) + "\n";
  }

  private static void posixRows(List<Map.Entry<String, String>> rows, DfsAttr a) {
    if (a.oclass() != 0) {
      rows.add(Map.entry("Object Class", className(a.oclass())));
    }
    if (a.dirOclass() != 0) {
      rows.add(Map.entry("Dir Object Class", className(a.dirOclass())));
    }
    if (a.fileOclass() != 0) {
      rows.add(Map.entry("File Object Class", className(a.fileOclass())));
    }
    if (!a.hints().isEmpty()) {
      rows.add(Map.entry("Hints", a.hints()));
    }
    if (a.chunkSize() > 0) {
      rows.add(Map.entry("Chunk Size", ByteSize.ofBytes(a.chunkSize()).toIecString()));
    }
  }

  /** {@code daos_oclass_id2name}; DAOS prints "UNKNOWN" for an id it does not know. */
  static String className(int id) {
    return ObjectClass.isValid(id) ? ObjectClass.byId(id).name() : "UNKNOWN";
  }

  /** DAOS's daos.ContainerInfo JSON object. */
  public static Obj json(ContQueryInfo ci, ZoneId zone) {
    return json(ci, null, zone);
  }

  /** As above, with a POSIX container's attributes (DAOS's embedded POSIXAttributes, empty fields left out). */
  public static Obj json(ContQueryInfo ci, DfsAttr posix, ZoneId zone) {
    Obj o = json0(ci, zone);
    if (posix != null) {
      if (posix.chunkSize() != 0) {
        o.with("chunk_size", posix.chunkSize());
      }
      if (posix.oclass() != 0) {
        o.with("object_class", className(posix.oclass()));
      }
      if (posix.dirOclass() != 0) {
        o.with("dir_object_class", className(posix.dirOclass()));
      }
      if (posix.fileOclass() != 0) {
        o.with("file_object_class", className(posix.fileOclass()));
      }
      if (posix.mode() != 0) {
        o.with("cons_mode", posix.mode());
      }
      o.withNonEmpty("hints", posix.hints());
    }
    return o;
  }

  private static Obj json0(ContQueryInfo ci, ZoneId zone) {
    return new Obj().with("pool_uuid", ci.poolUuid().toString()).with("container_uuid", ci.uuid().toString())
        .withNonEmpty("container_label", ci.label()).with("redundancy_factor", ci.redundancyFactor())
        .with("num_handles", ci.openHandles()).with("num_snapshots", ci.snapshots())
        .with("container_type", Layouts.name(ci.layout())).with("health", ci.health())
        .withNonEmpty("latest_snapshot", hlcText(ci.latestSnapshot(), zone))
        .withNonEmpty("open_time", hlcText(ci.openTime(), zone))
        .withNonEmpty("close_modify_time", hlcText(ci.modifyTime(), zone));
  }

  private static String hlcText(long hlc, ZoneId zone) {
    return HlcTime.isZero(hlc) ? "" : HlcTime.goString(hlc, zone);
  }

  /** {@code daos container list}: "Containers in pool p:" and an indented Label/UUID[/Layout] table. */
  public static String list(String poolId, List<ContainerSummary> conts, Map<java.util.UUID, Integer> layouts) {
    if (conts.isEmpty()) {
      return "No containers.\n";
    }
    List<String> titles = layouts == null ? List.of("Label", "UUID") : List.of("Label", "UUID", "Layout");
    List<Map<String, String>> rows = new ArrayList<>();
    for (ContainerSummary c : conts) {
      Map<String, String> row = new HashMap<>();
      row.put("UUID", c.uuid().toString());
      row.put("Label", c.label());
      row.put("Layout", Layouts.name(layouts == null ? 0 : layouts.getOrDefault(c.uuid(), 0)));
      rows.add(row);
    }
    return "Containers in pool " + poolId + ":\n" + Tables.table(titles, rows, "  ");
  }

  /** The JSON of {@code daos container list}: [{"uuid": ..., "label": ...}]. */
  public static List<Object> listJson(List<ContainerSummary> conts) {
    List<Object> out = new ArrayList<>();
    conts.forEach(c -> out.add(new Obj().with("uuid", c.uuid().toString()).with("label", c.label())));
    return out;
  }

  static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }
}
