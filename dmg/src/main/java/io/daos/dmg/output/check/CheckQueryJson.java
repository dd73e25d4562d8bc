package io.daos.dmg.output.check;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.daos.proto.chk.CheckReport;
import java.util.Map;

/**
 * {@code dmg check query -j} as DAOS's MarshalJSON gives it: start_time first, then status, scan_phase, leader, the
 * pools keyed by UUID and the reports; a report carries {@code rank} always and its other fields only when set
 * (protobuf omitempty), enums as numbers.
 */
public final class CheckQueryJson {
  private CheckQueryJson() {
  }

  public static JsonObject of(CheckQueryView v) {
    JsonObject o = new JsonObject();
    o.addProperty("start_time", CheckQueryView.formatTime(v.startTime()));
    o.addProperty("status", v.status());
    o.addProperty("scan_phase", v.scanPhase());
    o.addProperty("leader", v.leader());
    JsonObject pools = new JsonObject();
    v.pools().forEach((u, p) -> pools.add(u, pool(p)));
    o.add("pools", pools);
    if (v.reports().isEmpty()) {
      o.add("reports", JsonNull.INSTANCE);
    } else {
      JsonArray reports = new JsonArray();
      v.reports().forEach(r -> reports.add(report(r)));
      o.add("reports", reports);
    }
    return o;
  }

  private static JsonObject pool(CheckQueryView.PoolInfo p) {
    JsonObject o = new JsonObject();
    o.addProperty("uuid", p.uuid());
    o.addProperty("label", p.label());
    o.addProperty("status", p.status().name());
    o.addProperty("phase", p.phase());
    o.addProperty("rank_count", p.rankCount());
    o.addProperty("start_time", CheckQueryView.formatTime(p.startTime()));
    o.addProperty("remaining", p.remaining());
    o.addProperty("elapsed", p.elapsed());
    return o;
  }

  static JsonObject report(CheckReport r) {
    JsonObject o = new JsonObject();
    o.addProperty("rank", Integer.toUnsignedLong(r.getRank()));
    for (Map.Entry<String, JsonElement> e : fields(r).entrySet()) {
      o.add(e.getKey(), e.getValue());
    }
    return o;
  }

  private static JsonObject fields(CheckReport r) {
    JsonObject o = new JsonObject();
    num(o, "seq", r.getSeq());
    num(o, "class", r.getClass_Value());
    num(o, "action", r.getActionValue());
    num(o, "result", r.getResult());
    num(o, "target", Integer.toUnsignedLong(r.getTarget()));
    str(o, "pool_uuid", r.getPoolUuid());
    str(o, "pool_label", r.getPoolLabel());
    str(o, "cont_uuid", r.getContUuid());
    str(o, "cont_label", r.getContLabel());
    str(o, "objid", r.getObjid());
    str(o, "dkey", r.getDkey());
    str(o, "akey", r.getAkey());
    str(o, "timestamp", r.getTimestamp());
    str(o, "msg", r.getMsg());
    if (r.getActChoicesCount() > 0) {
      JsonArray a = new JsonArray();
      r.getActChoicesValueList().forEach(a::add);
      o.add("act_choices", a);
    }
    list(o, "act_details", r.getActDetailsList());
    list(o, "act_msgs", r.getActMsgsList());
    return o;
  }

  private static void num(JsonObject o, String k, long v) {
    if (v != 0) {
      o.addProperty(k, v);
    }
  }

  private static void str(JsonObject o, String k, String v) {
    if (!v.isEmpty()) {
      o.addProperty(k, v);
    }
  }

  private static void list(JsonObject o, String k, java.util.List<String> v) {
    if (!v.isEmpty()) {
      JsonArray a = new JsonArray();
      v.forEach(a::add);
      o.add(k, a);
    }
  }
}
