/**
 * jdaos's shared core: DAOS's status codes (src/include/daos_errno.h), faults (src/control/fault), ranks and hosts
 * (src/control/lib/ranklist, hostlist), HLC (src/common/hlc.c), sizes, versions and interop (src/control/build),
 * LifeCycle.
 */
package io.daos.common;
