/**
 * {@code daos container}: create, list, destroy, query, attributes, properties and snapshots; DAOS
 * {@code src/control/cmd/daos/container.go}, {@code property.go}, {@code snapshot.go} and {@code flags.go}
 * (epochs).
 */
package io.daos.tool.cont;
