/**
 * DAOS's status codes and the exception that carries one: {@code DER_*} exactly as src/include/daos_errno.h
 * numbers them, and as src/control/lib/daos/status.go reports them.
 */
package io.daos.common.status;
