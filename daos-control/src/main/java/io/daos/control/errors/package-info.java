/**
 * Control-plane errors as they cross gRPC: typed faults and DAOS statuses to and from gRPC status details, the
 * management service's not-leader/not-replica redirects and pool-not-found (src/control/system/errors.go), and the
 * client's connection faults (src/control/lib/control/faults.go).
 */
package io.daos.control.errors;
