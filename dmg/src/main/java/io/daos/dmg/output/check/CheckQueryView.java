package io.daos.dmg.output.check;

import io.daos.proto.chk.CheckInconsistAction;
import io.daos.proto.chk.CheckInconsistClass;
import io.daos.proto.chk.CheckPoolStatus;
import io.daos.proto.chk.CheckReport;
import io.daos.proto.chk.CheckResult;
import io.daos.proto.mgmt.CheckQueryPool;
import io.daos.proto.mgmt.CheckQueryResp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dmg's view of a check query (DAOS {@code SystemCheckQueryResp}): status and phase, start time, leader, one entry
 * per pool (the per-rank entries merged), and the reports sorted by class, then sequence number.
 */
public record CheckQueryView(String status, String scanPhase, long startTime, long leader,
    Map<String, PoolInfo> pools, List<CheckReport> reports) {

  /** One pool's check info (DAOS SystemCheckPoolInfo). */
  public record PoolInfo(String uuid, String label, CheckPoolStatus status, String phase, int rankCount,
      long startTime, long remaining, long elapsed) {
    boolean unchecked() {
      return status == CheckPoolStatus.CPS_UNCHECKED;
    }
  }

  private static final DateTimeFormatter ISO8601 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

  public static CheckQueryView of(CheckQueryResp pb) {
    Map<String, PoolInfo> pools = new LinkedHashMap<>();
    Map<String, java.util.Set<Integer>> ranks = new LinkedHashMap<>();
    for (CheckQueryPool p : pb.getPoolsList()) {
      ranks.computeIfAbsent(p.getUuid(), k -> new java.util.HashSet<>())
          .add(p.getTargetsCount() == 0 ? -1 : p.getTargets(0).getRank());
      pools.putIfAbsent(p.getUuid(), poolInfo(p));
    }
    pools.replaceAll((u, p) -> new PoolInfo(p.uuid(), p.label(), p.status(), p.phase(), ranks.get(u).size(),
        p.startTime(), p.remaining(), p.elapsed()));
    List<CheckReport> reports = new ArrayList<>(pb.getReportsList());
    reports.sort(Comparator.comparingInt((CheckReport r) -> r.getClass_().getNumber())
        .thenComparing(CheckReport::getSeq, Long::compareUnsigned));
    return new CheckQueryView(pb.getInsStatus().name().substring(4), pb.getInsPhase().name().substring(4),
        pb.getTime().getStartTime(), Integer.toUnsignedLong(pb.getLeader()), pools, reports);
  }

  private static PoolInfo poolInfo(CheckQueryPool p) {
    boolean checking = p.getStatus() == CheckPoolStatus.CPS_CHECKING;
    long misc = p.getTime().getMiscTime();
    return new PoolInfo(p.getUuid(), "", p.getStatus(), p.getPhase().name(), 0, p.getTime().getStartTime(),
        checking ? misc : 0, checking ? 0 : misc);
  }

  /** DAOS common.FormatTime of a Unix time in seconds, in this host's zone. */
  static String formatTime(long epochSeconds) {
    return ISO8601.format(Instant.ofEpochSecond(epochSeconds).atZone(ZoneId.systemDefault()));
  }

  static boolean interactive(CheckReport r) {
    return r.getAction() == CheckInconsistAction.CIA_INTERACT;
  }

  static boolean dryRun(CheckReport r) {
    return r.getResult() == CheckResult.DRY_RUN_VALUE;
  }

  static boolean removedPool(CheckReport r) {
    return r.getAction() == CheckInconsistAction.CIA_DISCARD
        && (r.getClass_() == CheckInconsistClass.CIC_POOL_NONEXIST_ON_ENGINE
            || r.getClass_() == CheckInconsistClass.CIC_POOL_NONEXIST_ON_MS);
  }

  /** The name dmg prints for a checker enum: its name without the {@code CIC_}/{@code CIA_}/... prefix. */
  public static String shortName(Enum<?> e) {
    String n = e.name();
    return n.matches("^(CIC|CIA|CIS|CSP)_.*") ? n.substring(4) : n;
  }

  /** DAOS Resolution: the action taken, with its message when there is exactly one. */
  public static String resolution(CheckReport r) {
    String msg = shortName(r.getAction());
    return r.getActMsgsCount() == 1 ? msg + ": " + r.getActMsgs(0) : msg;
  }

  /** DAOS RepairChoices: each choice's message, or its details when they are more than one word. */
  static List<String> choices(CheckReport r) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < r.getActChoicesCount(); i++) {
      String info = i < r.getActMsgsCount() ? r.getActMsgs(i) : "";
      String det = i < r.getActDetailsCount() ? r.getActDetails(i) : "";
      out.add(det.trim().split("\\s+").length > 1 ? det : info);
    }
    return out;
  }
}
