/**
 * Output and input of {@code daos container}: the container info, the property table with its parsers and
 * printers, layout names and snapshots; DAOS {@code src/control/cmd/daos/pretty/container.go},
 * {@code property.go} and {@code snapshot.go}.
 */
package io.daos.tool.output.cont;
