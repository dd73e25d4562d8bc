package io.daos.client.pool;

import java.util.UUID;

/**
 * One container of a pool listing ({@code daos_pool_list_cont}).
 *
 * @param uuid container UUID
 * @param label its label ("" when unset)
 */
public record ContainerSummary(UUID uuid, String label) {
}
