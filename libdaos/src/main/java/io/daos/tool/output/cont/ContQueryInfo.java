package io.daos.tool.output.cont;

import io.daos.client.ContainerProps;
import java.util.UUID;

/**
 * What {@code daos container query} shows of a container (DAOS's {@code daos.ContainerInfo}).
 *
 * @param poolUuid the pool's UUID
 * @param uuid container UUID
 * @param label container label ("" when none)
 * @param latestSnapshot epoch of the newest snapshot (0 = none)
 * @param openHandles open handles
 * @param snapshots number of snapshots
 * @param openTime HLC of the latest open (0 = unknown)
 * @param modifyTime HLC of the latest close or metadata change (0 = unknown)
 * @param props the container's properties
 */
public record ContQueryInfo(UUID poolUuid, UUID uuid, String label, long latestSnapshot, int openHandles,
                            int snapshots, long openTime, long modifyTime, ContainerProps props) {
  /** {@code DAOS_PROP_CO_STATUS}. */
  public static final int CO_STATUS = 0x1012;

  public int layout() {
    return props.layoutType();
  }

  public int redundancyFactor() {
    return props.redundancyFactor();
  }

  /** HEALTHY / UNCLEAN from the status property; "" when not reported. */
  public String health() {
    long v = props.number(CO_STATUS, -1);
    if (v == -1) {
      return "";
    }
    long status = (v >>> 32) & 0xFFFF;
    return status == 0 ? "HEALTHY" : status == 1 ? "UNCLEAN" : "";
  }
}
