package io.daos.dmg.output.check;

import com.google.gson.annotations.SerializedName;
import io.daos.dmg.output.TableFormatter;
import io.daos.proto.chk.CheckFlag;
import io.daos.proto.mgmt.CheckGetPolicyResp;
import io.daos.proto.mgmt.CheckInconsistPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dmg check get-policy} (DAOS SystemCheckGetPolicyResp and PrintCheckerPolicies): the checker flags as words
 * and each policy as {@code CLASS:ACTION}; as text a two-column table.
 */
public record CheckPolicyView(@SerializedName("checker_flags") String checkerFlags, List<String> policies) {
  private static final String NAME = "Inconsistency Class";
  private static final String VALUE = "Repair Action";

  public static CheckPolicyView of(CheckGetPolicyResp pb) {
    List<String> pols = new ArrayList<>();
    for (CheckInconsistPolicy p : pb.getPoliciesList()) {
      pols.add(CheckQueryView.shortName(p.getInconsistCas()) + ":" + CheckQueryView.shortName(p.getInconsistAct()));
    }
    return new CheckPolicyView(flags(pb.getFlags()), pols);
  }

  /** DAOS SystemCheckFlags.String. */
  static String flags(int f) {
    List<String> out = new ArrayList<>();
    add(out, f, CheckFlag.CF_DRYRUN_VALUE, "dry-run");
    add(out, f, CheckFlag.CF_RESET_VALUE, "reset");
    add(out, f, CheckFlag.CF_FAILOUT_VALUE, "failout");
    add(out, f, CheckFlag.CF_AUTO_VALUE, "auto");
    add(out, f, CheckFlag.CF_ORPHAN_POOL_VALUE, "find-pool-orphans");
    add(out, f, CheckFlag.CF_NO_FAILOUT_VALUE, "reset-failout");
    add(out, f, CheckFlag.CF_NO_AUTO_VALUE, "reset-auto");
    return out.isEmpty() ? "none" : String.join(",", out);
  }

  private static void add(List<String> out, int f, int bit, String name) {
    if ((f & bit) != 0) {
      out.add(name);
    }
  }

  public String text() {
    List<Map<String, String>> rows = new ArrayList<>();
    for (String p : policies) {
      int c = p.indexOf(':');
      Map<String, String> row = new LinkedHashMap<>();
      row.put(NAME, p.substring(0, c));
      row.put(VALUE, p.substring(c + 1));
      rows.add(row);
    }
    return "Checker flags: " + checkerFlags + "\n\n" + new TableFormatter(NAME, VALUE).format(rows);
  }
}
