/**
 * jdaos's shared core, what every daemon and tool uses that belongs to no DAOS subsystem of its own: the HLC
 * (src/common/hlc.c), sizes, exponential backoff (src/control/common), the pool query mask (daos_pool.h), the
 * control-plane log setup (src/control/logging) and {@link io.daos.common.LifeCycle}. Status codes, faults, ranks,
 * hosts and versions live in the subpackages, one per DAOS directory.
 */
package io.daos.common;
