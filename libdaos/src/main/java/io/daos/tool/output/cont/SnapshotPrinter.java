package io.daos.tool.output.cont;

import io.daos.client.Snapshot;
import io.daos.tool.output.HlcTime;
import io.daos.tool.output.Obj;
import io.daos.tool.output.Tables;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Container snapshots as DAOS's snapshot.go prints them. */
public final class SnapshotPrinter {
  private SnapshotPrinter() {
  }

  /** "snapshot/epoch 0x... has been created (timestamp: ...)". */
  public static String created(long epoch, ZoneId zone) {
    return "snapshot/epoch " + ContainerPrinter.hex(epoch) + " has been created (timestamp: "
        + HlcTime.iso(epoch, zone) + ")\n";
  }

  /** {"epoch": n, "timestamp": iso, "name": ...} (name left out when empty). */
  public static Obj json(long epoch, String name, ZoneId zone) {
    return new Obj().with("epoch", unsigned(epoch)).with("timestamp", HlcTime.iso(epoch, zone))
        .withNonEmpty("name", name);
  }

  public static List<Object> listJson(List<Snapshot> snaps, ZoneId zone) {
    List<Object> out = new ArrayList<>();
    snaps.forEach(s -> out.add(json(s.epoch(), s.name(), zone)));
    return out;
  }

  /** "No snapshots." or a Timestamp/Epoch/Name table. */
  public static String list(List<Snapshot> snaps, ZoneId zone) {
    if (snaps.isEmpty()) {
      return "No snapshots.\n";
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (Snapshot s : snaps) {
      rows.add(Map.of("Timestamp", HlcTime.iso(s.epoch(), zone), "Epoch", ContainerPrinter.hex(s.epoch()),
          "Name", s.name()));
    }
    return Tables.table(List.of("Timestamp", "Epoch", "Name"), rows, "");
  }

  private static Object unsigned(long v) {
    return v >= 0 ? (Object) v : new java.math.BigInteger(Long.toUnsignedString(v));
  }
}
