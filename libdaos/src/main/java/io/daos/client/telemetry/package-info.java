/**
 * libdaos's client telemetry (DAOS {@code src/client/api/metrics.c}): per-pool object operation counters and the
 * client's CART counters under DAOS's {@code client_*} names, pushed to the local daos_agent that exports them.
 */
package io.daos.client.telemetry;
