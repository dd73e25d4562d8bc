/**
 * The gRPC control client (DAOS's src/control/lib/control): channels, the client interceptor that stamps the
 * component and version headers, host fan-out and per-host results ({@code rpc.go}, {@code response.go}), and the
 * management-service request that finds the leader and retries on redirects ({@code request.go}). Its config,
 * errors and the server-side interceptors are in the subpackages.
 */
package io.daos.control;
