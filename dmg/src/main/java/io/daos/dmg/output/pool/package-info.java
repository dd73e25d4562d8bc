/**
 * Output of {@code dmg pool}: the pool create and query payloads, the query, list and query-targets printers and
 * ACL text; DAOS {@code src/control/cmd/dmg/pretty/pool.go}, {@code src/control/lib/daos} ({@code PoolInfo}) and
 * {@code src/control/lib/control} ({@code PoolCreateResp}, {@code FormatACL}).
 */
package io.daos.dmg.output.pool;
