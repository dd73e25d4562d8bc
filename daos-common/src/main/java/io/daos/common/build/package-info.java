/**
 * Versions, component names and the interoperability rules between components, with the build's constants:
 * DAOS's src/control/build (version.go, interop.go, variables.go).
 */
package io.daos.common.build;
