package io.daos.dmg.output.pool;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.daos.common.ByteSize;
import io.daos.proto.mgmt.PoolQueryTargetInfo;
import io.daos.proto.mgmt.PoolQueryTargetResp;
import io.daos.proto.mgmt.StorageTargetUsage;
import java.math.BigInteger;
import java.util.Locale;

/**
 * {@code dmg pool query-targets} output as DAOS: per target "Target: state up_in" and each tier's total and free
 * space; JSON {@code {"status":0,"Infos":[{"target_state":..,"space":[{"total","free","min","max","mean",
 * "media_type"}],"mem_file_bytes":0,"md_on_ssd_active":false}]}} (DAOS's dmg converts state and space only).
 */
public final class PoolTargetPrinter {
  private static final String[] MEDIA = {"scm", "nvme"};

  private PoolTargetPrinter() {
  }

  public static void print(StringBuilder out, PoolQueryTargetResp resp) {
    for (PoolQueryTargetInfo info : resp.getInfosList()) {
      out.append("Target: state ").append(state(info.getStateValue())).append('\n');
      for (int i = 0; i < info.getSpaceCount(); i++) {
        StorageTargetUsage u = info.getSpace(i);
        String media = i >= MEDIA.length ? "unknown" : media(u.getMediaTypeValue());
        out.append(String.format(Locale.ROOT, "- Storage tier %d (%s):%n", i, media.toUpperCase(Locale.ROOT)));
        out.append("  Total size: ").append(si(u.getTotal())).append('\n');
        out.append("  Free: ").append(si(u.getFree())).append('\n');
      }
    }
  }

  public static JsonObject toJson(PoolQueryTargetResp resp) {
    JsonArray infos = new JsonArray();
    for (PoolQueryTargetInfo info : resp.getInfosList()) {
      JsonObject o = new JsonObject();
      o.addProperty("target_state", state(info.getStateValue()));
      JsonArray space = new JsonArray();
      info.getSpaceList().forEach(u -> space.add(usage(u)));
      o.add("space", space);
      o.addProperty("mem_file_bytes", 0);
      o.addProperty("md_on_ssd_active", false);
      infos.add(o);
    }
    JsonObject o = new JsonObject();
    o.addProperty("status", resp.getStatus());
    o.add("Infos", infos.isEmpty() ? JsonNull.INSTANCE : infos);
    return o;
  }

  private static JsonObject usage(StorageTargetUsage u) {
    JsonObject o = new JsonObject();
    o.add("total", unsigned(u.getTotal()));
    o.add("free", unsigned(u.getFree()));
    o.addProperty("min", 0);
    o.addProperty("max", 0);
    o.addProperty("mean", 0);
    o.addProperty("media_type", media(u.getMediaTypeValue()));
    return o;
  }

  private static JsonPrimitive unsigned(long v) {
    return new JsonPrimitive(new BigInteger(Long.toUnsignedString(v)));
  }

  /** DAOS's lower-case target state name ("up_in"), "invalid" for a value it does not know. */
  static String state(int v) {
    return switch (v) {
      case 0 -> "state_unknown";
      case 1 -> "down_out";
      case 2 -> "down";
      case 3 -> "up";
      case 4 -> "up_in";
      case 5 -> "new";
      case 6 -> "drain";
      default -> "invalid";
    };
  }

  private static String media(int v) {
    return v >= 0 && v < MEDIA.length ? MEDIA[v] : "unknown";
  }

  private static String si(long b) {
    return ByteSize.ofBytes(b).toSiString();
  }
}
