/**
 * Server config generation from hardware scans (DAOS src/control/lib/control/auto.go): {@code dmg config
 * generate} scans hosts and derives a {@code daos_server.yml} that starts on them.
 */
package io.daos.control.auto;
