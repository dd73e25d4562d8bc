/**
 * The seam between the {@code daos} commands and libdaos: connected pools and open containers as the tool uses
 * them, and their libdaos implementation; DAOS {@code src/control/lib/daos/api}.
 */
package io.daos.tool.api;
