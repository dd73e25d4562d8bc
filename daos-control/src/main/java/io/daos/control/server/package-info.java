/**
 * The interceptor chain every daos_server installs on its gRPC services: version and system-name checks, status and
 * error annotation, logging (src/control/server/interceptors.go).
 */
package io.daos.control.server;
