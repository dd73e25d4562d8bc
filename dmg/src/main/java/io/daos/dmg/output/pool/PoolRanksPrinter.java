package io.daos.dmg.output.pool;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.daos.dmg.output.RankRanges;
import io.daos.dmg.output.TableFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Results of an operation on pool ranks (DAOS control.PoolRanksResp) and their table, as DAOS's
 * PrintPoolRanksResps draws it: one row per pool and outcome, the ranks with that outcome merged.
 */
public final class PoolRanksPrinter {
  /** One rank's outcome; {@code msg} is empty when it succeeded. */
  public record RankResult(long rank, boolean errored, String msg) {
  }

  /** One pool's results. */
  public record PoolRanks(String id, List<RankResult> results) {
    /** DAOS PoolRanksResp.Errors: "rank(s) [..] failed on pool <id>", or null. */
    public String errors() {
      TreeSet<Long> failed = new TreeSet<>();
      results.stream().filter(RankResult::errored).forEach(r -> failed.add(r.rank()));
      if (failed.isEmpty()) {
        return null;
      }
      return (failed.size() == 1 ? "rank " : "ranks ") + RankRanges.ranged(failed) + " failed on pool "
          + (id == null || id.isEmpty() ? "<unknown>" : id);
    }

    /** DAOS's JSON form: {"id", "results": [{"rank", "errored", "msg"}]}. */
    public JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("id", id);
      JsonArray a = new JsonArray();
      for (RankResult r : results) {
        JsonObject ro = new JsonObject();
        ro.addProperty("rank", r.rank());
        ro.addProperty("errored", r.errored());
        ro.addProperty("msg", r.msg());
        a.add(ro);
      }
      o.add("results", a);
      return o;
    }
  }

  private PoolRanksPrinter() {
  }

  /** All pools' errors joined by ", " (DAOS concatErrs), or null. */
  public static String errors(List<PoolRanks> resps) {
    List<String> errs = new ArrayList<>();
    resps.forEach(p -> {
      String e = p.errors();
      if (e != null) {
        errs.add(e);
      }
    });
    return errs.isEmpty() ? null : String.join(", ", errs);
  }

  /** The table; "No pool ranks processed" for no responses. */
  public static void print(StringBuilder out, List<PoolRanks> resps) {
    if (resps.isEmpty()) {
      out.append("No pool ranks processed\n");
      return;
    }
    Map<String, Map<String, TreeSet<Long>>> byPool = new TreeMap<>();
    Set<String> msgs = new TreeSet<>();
    for (PoolRanks p : resps) {
      if (p.results().isEmpty()) {
        continue;
      }
      if (byPool.containsKey(p.id())) {
        throw new IllegalArgumentException("multiple PoolRanksResps for the same pool \"" + p.id() + "\"");
      }
      Map<String, TreeSet<Long>> m = new LinkedHashMap<>();
      Set<Long> seen = new LinkedHashSet<>();
      for (RankResult r : p.results()) {
        if (!seen.add(r.rank())) {
          throw new IllegalArgumentException("multiple PoolRankResults for rank " + r.rank());
        }
        String msg = r.errored() ? r.msg() : "";
        m.computeIfAbsent(msg, k -> new TreeSet<>()).add(r.rank());
        msgs.add(msg);
      }
      byPool.put(p.id(), m);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    byPool.forEach((id, m) -> {
      for (String msg : msgs) {
        TreeSet<Long> ranks = m.get(msg);
        if (ranks == null || ranks.isEmpty()) {
          continue;
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put("Pool", id);
        row.put("Ranks", RankRanges.plain(ranks));
        row.put("Result", msg.isEmpty() ? "OK" : "FAIL");
        row.put("Reason", msg.isEmpty() ? "-" : msg);
        rows.add(row);
      }
    });
    out.append(new TableFormatter("Pool", "Ranks", "Result", "Reason").format(rows)).append('\n');
  }
}
