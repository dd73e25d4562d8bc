package io.daos.server.events;

/** RAS event identifiers, numbered as DAOS's ras.h ordinals. */
public enum RasEventId {
  UNKNOWN_RAS_EVENT, ENGINE_FORMAT_REQUIRED, ENGINE_DIED, ENGINE_ASSERTED, ENGINE_CLOCK_DRIFT,
  ENGINE_SELF_TERMINATED, POOL_CORRUPTION_DETECTED, POOL_REBUILD_STARTED, POOL_REBUILD_FINISHED,
  POOL_REBUILD_FAILED, POOL_REPLICAS_UPDATED, POOL_DURABLE_FORMAT_INCOMPATIBLE, POOL_DESTROY_DEFERRED,
  POOL_START_FAILED, CONTAINER_DURABLE_FORMAT_INCOMPATIBLE, RDB_DURABLE_FORMAT_INCOMPATIBLE, SWIM_RANK_ALIVE,
  SWIM_RANK_DEAD, SYSTEM_START_FAILED, SYSTEM_STOP_FAILED, DEVICE_SET_FAULTY, DEVICE_MEDIA_ERROR,
  DEVICE_UNPLUGGED, DEVICE_PLUGGED, DEVICE_REPLACE, SYSTEM_FABRIC_PROVIDER_CHANGED, ENGINE_JOIN_FAILED,
  DEVICE_LINK_SPEED_CHANGED, DEVICE_LINK_WIDTH_CHANGED, OBJ_CSUM_ERROR, DEVICE_LED_SET;

  /** The wire number (ordinal in ras.h). */
  public int number() {
    return ordinal();
  }

  /** The DAOS name, e.g. "engine_died". */
  public String daosName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The id with this number, or {@link #UNKNOWN_RAS_EVENT}. */
  public static RasEventId fromNumber(int n) {
    RasEventId[] all = values();
    return n >= 0 && n < all.length ? all[n] : UNKNOWN_RAS_EVENT;
  }
}
