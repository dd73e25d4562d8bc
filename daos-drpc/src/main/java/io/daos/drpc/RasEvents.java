package io.daos.drpc;

import io.daos.proto.shared.RASEvent;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The RAS events jdaos raises, shaped as DAOS makes them: the engine harness's (events/engine.go), the engine's
 * swim_rank_dead ({@code ds_notify_swim_rank_dead}) and the engine's info-only events raised through
 * {@code ds_notify_ras_eventf} (device state changes in bio), and how daos_server prints them (DAOS's
 * {@code RASEvent.PrintRAS}).
 */
public final class RasEvents {
  /** RAS ids (daos_srv/ras.h ordinals). */
  public static final int ENGINE_FORMAT_REQUIRED = 1;
  public static final int ENGINE_DIED = 2;
  public static final int SWIM_RANK_DEAD = 17;
  public static final int DEVICE_SET_FAULTY = 20;
  public static final int DEVICE_MEDIA_ERROR = 21;
  public static final int DEVICE_UNPLUGGED = 22;
  public static final int DEVICE_PLUGGED = 23;
  public static final int DEVICE_REPLACE = 24;
  public static final int DEVICE_LED_SET = 30;
  /** The "no rank" of a RAS event (CaRT's {@code CRT_NO_RANK}). */
  public static final int NO_RANK = -1;
  /** RAS types. */
  public static final int TYPE_STATE_CHANGE = 1;
  public static final int TYPE_INFO_ONLY = 2;
  /** RAS severities. */
  public static final int SEVERITY_ERROR = 1;
  public static final int SEVERITY_WARNING = 2;
  public static final int SEVERITY_NOTICE = 3;

  /** The names DAOS's ras.h gives ids 0–30, by ordinal. */
  private static final String[] NAMES = {"unknown_ras_event", "engine_format_required", "engine_died",
      "engine_asserted", "engine_clock_drift", "engine_self_terminated", "pool_corruption_detected",
      "pool_rebuild_started", "pool_rebuild_finished", "pool_rebuild_failed", "pool_replicas_updated",
      "pool_durable_format_incompatible", "pool_destroy_deferred", "pool_start_failed",
      "container_durable_format_incompatible", "rdb_durable_format_incompatible", "swim_rank_alive", "swim_rank_dead",
      "system_start_failed", "system_stop_failed", "device_set_faulty", "device_media_error", "device_unplugged",
      "device_plugged", "device_replace", "system_fabric_provider_changed", "engine_join_failed",
      "device_link_speed_changed", "device_link_width_changed", "obj_csum_error", "device_led_set"};

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

  /**
   * An engine's info-only event as {@code ds_notify_ras_eventf} makes it with no rank given: the engine's own rank,
   * the process id and an empty string as extended info.
   */
  public static RASEvent engineInfo(int id, int severity, String msg, String hostname, int rank, long pid) {
    return RASEvent.newBuilder().setId(id).setMsg(msg).setTimestamp(now()).setType(TYPE_INFO_ONLY)
        .setSeverity(severity).setHostname(hostname).setRank(rank).setProcId(pid).setStrInfo("").build();
  }

  /** DAOS's name of RAS id {@code id} ("device_set_faulty"), or "unknown_ras_event" for an id it does not have. */
  public static String name(int id) {
    return id >= 0 && id < NAMES.length ? NAMES[id] : NAMES[0];
  }

  /**
   * The event as daos_server logs it (DAOS's {@code PrintRAS}): mandatory fields, then the optional ones that are
   * set, e.g. {@code id: [device_set_faulty] ts: [...] host: [h] type: [INFO] sev: [NOTICE] msg: [...] pid: [7]
   * rank: [0]}.
   */
  public static String print(RASEvent e) {
    StringBuilder b = new StringBuilder("id: [").append(name(e.getId())).append(']');
    field(b, "ts", e.getTimestamp());
    field(b, "host", e.getHostname());
    b.append(" type: [").append(typeName(e.getType())).append("] sev: [").append(severityName(e.getSeverity()))
        .append(']');
    field(b, "msg", e.getMsg());
    if (e.getProcId() != 0) {
      b.append(" pid: [").append(e.getProcId()).append(']');
    }
    if (e.getThreadId() != 0) {
      b.append(" tid: [").append(e.getThreadId()).append(']');
    }
    field(b, "hwid", e.getHwId());
    if (e.getRank() != NO_RANK) {
      b.append(" rank: [").append(Integer.toUnsignedString(e.getRank())).append(']');
    }
    if (e.getIncarnation() != 0) {
      b.append(" incarnation: [").append(Long.toUnsignedString(e.getIncarnation())).append(']');
    }
    field(b, "jobid", e.getJobId());
    field(b, "pool", e.getPoolUuid());
    field(b, "container", e.getContUuid());
    field(b, "objid", e.getObjId());
    field(b, "ctlop", e.getCtlOp());
    if (e.hasStrInfo()) {
      field(b, "data", e.getStrInfo());
    }
    return b.toString();
  }

  private static void field(StringBuilder b, String name, String value) {
    if (!value.isEmpty()) {
      b.append(' ').append(name).append(": [").append(value).append(']');
    }
  }

  /** DAOS's {@code ras_type2str}: anything but a state change prints as INFO. */
  static String typeName(int type) {
    return type == TYPE_STATE_CHANGE ? "STATE_CHANGE" : "INFO";
  }

  /** DAOS's {@code ras_sev2str}: anything but an error or a warning prints as NOTICE. */
  static String severityName(int sev) {
    return switch (sev) {
      case SEVERITY_ERROR -> "ERROR";
      case SEVERITY_WARNING -> "WARNING";
      default -> "NOTICE";
    };
  }

  static String now() {
    return ZonedDateTime.now().format(RFC3339_MICRO);
  }
}
