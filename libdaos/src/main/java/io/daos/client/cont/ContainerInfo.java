package io.daos.client.cont;

import java.util.UUID;

/**
 * {@code daos_cont_info_t}.
 *
 * @param uuid container UUID
 * @param label container label
 * @param latestSnapshot epoch of the newest snapshot (0 = none)
 * @param openHandles number of open handles
 * @param snapshots number of snapshots
 * @param props the container's properties
 */
public record ContainerInfo(UUID uuid, String label, long latestSnapshot, int openHandles, int snapshots,
                            ContainerProps props) {
}
