/**
 * What every {@code daos} command's output shares: Go's JSON layout and the {@code -j} envelope, errors worded as
 * DAOS's tool words them, txtfmt's tables and entity blocks, HLC times, labels and user attributes; DAOS
 * {@code src/control/cmd/daos/util.go} and {@code attribute.go}, {@code src/control/common/cmdutil} (JSON output)
 * and {@code src/control/lib/txtfmt}.
 */
package io.daos.tool.output;
