/**
 * Control-plane faults: a stable code, a description and the resolution the CLI prints, as DAOS's src/control/fault
 * and src/control/fault/code define them.
 */
package io.daos.common.fault;
