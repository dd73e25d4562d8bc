package io.daos.dmg.output.system;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code dmg system rebuild start|stop} results (DAOS control.SystemRebuildManageResp) and their text, as DAOS's
 * PrintSystemRebuildManageResp: pools grouped by outcome; for stop, a pool without an active rebuild
 * (DER_NONEXIST) is not an error and one finishing (DER_BUSY) counts as stopped.
 */
public final class RebuildManagePrinter {
  /** One pool's result; {@code opCode} 1 start, 2 stop. */
  public record Result(String id, int opCode, boolean errored, String msg) {
  }

  private RebuildManagePrinter() {
  }

  public static String opName(int op) {
    return switch (op) {
      case 1 -> "start";
      case 2 -> "stop";
      default -> "unknown";
    };
  }

  /** DAOS's JSON: {"results": [{"id", "op_code", "errored", "msg"}]}. */
  public static JsonObject toJson(List<Result> results) {
    JsonArray a = new JsonArray();
    for (Result r : results) {
      JsonObject o = new JsonObject();
      o.addProperty("id", r.id());
      o.addProperty("op_code", r.opCode());
      o.addProperty("errored", r.errored());
      o.addProperty("msg", r.msg());
      a.add(o);
    }
    JsonObject o = new JsonObject();
    o.add("results", a);
    return o;
  }

  /** DAOS SystemRebuildManageResp.Errors: every errored pool, or null. */
  public static String errors(List<Result> results) {
    List<String> errs = new ArrayList<>();
    results.stream().filter(Result::errored).forEach(r -> errs.add("pool-rebuild " + opName(r.opCode())
        + " failed on pool " + r.id() + ": " + r.msg()));
    return errs.isEmpty() ? null : String.join(", ", errs);
  }

  /** Prints the text; returns the error the command ends with (null when none). */
  public static String print(StringBuilder out, List<Result> results, boolean verbose) {
    if (results.isEmpty()) {
      out.append("No pools in system.\nCommand completed successfully.\n");
      return null;
    }
    int op = results.get(0).opCode();
    if (results.stream().anyMatch(r -> r.opCode() != op)) {
      return "different system rebuild manage opcodes found in results";
    }
    if (op != 1 && op != 2) {
      return "unrecognized system rebuild opcode: " + op;
    }
    List<String> ok = new ArrayList<>();
    List<String> idle = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> msgs = new ArrayList<>();
    for (Result r : results) {
      if (!r.errored() || op == 2 && r.msg().contains("DER_BUSY")) {
        ok.add(r.id());
      } else if (op == 2 && (r.msg().contains("DER_NONEXIST") || r.msg().contains("entity does not exist"))) {
        idle.add(r.id());
      } else {
        failed.add(r.id());
        msgs.add("pool-rebuild " + opName(op) + " failed on pool " + r.id() + ": " + r.msg());
      }
    }
    out.append("System-rebuild ").append(opName(op)).append(" requested for ").append(pools(results.size()))
        .append('\n');
    if (!ok.isEmpty()) {
      line(out, op == 2 ? "With active or finishing rebuild:" : "Successfully requested:", ok, verbose);
    }
    if (!idle.isEmpty()) {
      line(out, "Without active rebuild:", idle, verbose);
    }
    if (!failed.isEmpty()) {
      line(out, "Errors:", failed, verbose);
      return String.join(", ", msgs);
    }
    out.append("Command completed successfully.\n");
    return null;
  }

  private static void line(StringBuilder out, String what, List<String> ids, boolean verbose) {
    out.append(String.format(Locale.ROOT, "- %-34s %s%s%n", what, pools(ids.size()),
        verbose ? " (" + String.join(", ", ids) + ")" : ""));
  }

  private static String pools(int n) {
    return n + (n == 1 ? " pool" : " pools");
  }
}
