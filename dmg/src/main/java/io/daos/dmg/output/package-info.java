/**
 * What every dmg command's output shares: the {@code -j} JSON envelope and error text, txtfmt's tables and indent,
 * host lists without ports, errors grouped by host and rank ranges; DAOS {@code src/control/cmd/dmg/pretty}
 * ({@code printers.go}, {@code ranks.go}), {@code src/control/lib/txtfmt}, {@code src/control/common/cmdutil}
 * (JSON output) and {@code src/control/lib/control} ({@code HostErrorsMap}).
 */
package io.daos.dmg.output;
