/**
 * Access control lists as DAOS's client library and tools handle them: the short ACE text form and its checks
 * ({@code src/common/acl_util.c}, {@code acl_api.c}, {@code acl_principal.c}), the 64 KiB size limit, and the ACL
 * file and text the dmg and daos ACL commands read and print ({@code src/control/lib/control/acl.go}). Engines keep
 * their ACLs with these types and add the permission checks ({@code src/security}).
 */
package io.daos.common.acl;
