/**
 * {@code daos_perf}: drives a running system through libdaos (object update/fetch, KV and array I/O) and prints
 * throughput and latency percentiles as one JSON object; DAOS {@code src/tests/daos_perf.c}.
 */
package io.daos.perf;
