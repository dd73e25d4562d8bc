/**
 * The {@code daos_server} daemon: the command line ({@link io.daos.server.DaosServerMain} and its commands), the one
 * lifecycle object {@link io.daos.server.DaosServer} that starts config checks, the MS, engines, gRPC and dRPC in
 * DAOS's order and stops them through one path, the gRPC server with its interceptors, and the gRPC clients the
 * harness and the MS fan-out use. Mirrors DAOS {@code src/control/cmd/daos_server} and
 * {@code src/control/server/server.go}, {@code server_utils.go}.
 */
package io.daos.server;
