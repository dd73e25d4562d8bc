package io.daos.drpc;

import io.daos.proto.shared.RASEvent;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The RAS events jdaos raises, shaped as DAOS makes them: the engine harness's (events/engine.go) and the engine's
 * swim_rank_dead ({@code ds_notify_swim_rank_dead}).
 */
public final class RasEvents {
  /** RAS ids (daos_srv/ras.h ordinals). */
  public static final int ENGINE_FORMAT_REQUIRED = 1;
  public static final int ENGINE_DIED = 2;
  public static final int SWIM_RANK_DEAD = 17;
  /** RAS types. */
  public static final int TYPE_STATE_CHANGE = 1;
  public static final int TYPE_INFO_ONLY = 2;
  /** RAS severities. */
  public static final int SEVERITY_ERROR = 1;
  public static final int SEVERITY_NOTICE = 3;

  private static final DateTimeFormatter RFC3339_MICRO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

  private RasEvents() {
  }

  /** engine_died: state change, error, with the exit status in engine_state_info. */
  public static RASEvent engineDied(String hostname, int idx, long rank, long incarnation, String exitStatus,
      long pid) {
    return RASEvent.newBuilder().setId(ENGINE_DIED)
        .setMsg(String.format("DAOS engine %d exited unexpectedly: %s", idx, exitStatus))
        .setTimestamp(now()).setType(TYPE_STATE_CHANGE).setSeverity(SEVERITY_ERROR).setHostname(hostname)
        .setRank((int) rank).setIncarnation(incarnation).setProcId(pid)
        .setEngineStateInfo(RASEvent.EngineStateEventInfo.newBuilder().setInstance(idx).setErrored(true)
            .setError(exitStatus))
        .build();
  }

  /** engine_format_required: info only, notice; formatType is "SCM" or "Metadata". */
  public static RASEvent engineFormatRequired(String hostname, int idx, String formatType) {
    return RASEvent.newBuilder().setId(ENGINE_FORMAT_REQUIRED)
        .setMsg(String.format("DAOS engine %d requires a %s format", idx, formatType))
        .setTimestamp(now()).setType(TYPE_INFO_ONLY).setSeverity(SEVERITY_NOTICE).setHostname(hostname)
        .setEngineStateInfo(RASEvent.EngineStateEventInfo.newBuilder().setInstance(idx))
        .build();
  }

  /** swim_rank_dead: state change, notice, with the rank and the incarnation SWIM knew for it. */
  public static RASEvent swimRankDead(String hostname, int rank, long incarnation, long pid) {
    return RASEvent.newBuilder().setId(SWIM_RANK_DEAD).setMsg("SWIM marked rank as dead.").setTimestamp(now())
        .setType(TYPE_STATE_CHANGE).setSeverity(SEVERITY_NOTICE).setHostname(hostname).setRank(rank)
        .setIncarnation(incarnation).setProcId(pid).build();
  }

  static String now() {
    return ZonedDateTime.now().format(RFC3339_MICRO);
  }
}
