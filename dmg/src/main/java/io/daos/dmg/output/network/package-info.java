/**
 * Output of {@code dmg network scan}: per host set and NUMA socket, the fabric providers and their interfaces;
 * DAOS {@code src/control/cmd/dmg/pretty/network.go}.
 */
package io.daos.dmg.output.network;
