/**
 * {@code dmg pool get-acl|overwrite-acl|update-acl|delete-acl}; DAOS {@code src/control/cmd/dmg/pool.go} (ACL
 * commands) and {@code src/control/common/cmdutil} ACL files.
 */
package io.daos.dmg.command.pool.acl;
