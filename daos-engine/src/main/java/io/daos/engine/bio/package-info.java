/**
 * DAOS's {@code src/bio} device side: the bdevs {@code daos_nvme.conf} gives the engine and its per-server metadata
 * (SMD, {@code src/bio/smd}): which device holds which targets, device state (NORMAL, EVICTED = faulty, NEW,
 * UNPLUGGED) and LED state, persisted under the SCM mount.
 */
package io.daos.engine.bio;
