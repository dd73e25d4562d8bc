/**
 * The part of DFS ({@code src/client/dfs}) a POSIX container needs at creation and query: {@code dfs_cont_create}
 * (the superblock with the default object classes and chunk size, the root directory entry, the container's root
 * OIDs) and {@code dfs_query} (the superblock read back). Files and directories themselves are not implemented.
 */
package io.daos.client.dfs;
