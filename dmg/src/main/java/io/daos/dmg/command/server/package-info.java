/** {@code dmg server}: tasks on the engines of remote servers (DAOS cmd/dmg/server.go). */
package io.daos.dmg.command.server;
