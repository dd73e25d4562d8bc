/**
 * The object RPC handlers, DAOS's {@code src/object} ({@code srv_obj.c}): update, fetch, punch, enumeration and
 * key query on the target's VOS, with the container handles they check (DAOS keeps those per target in
 * {@code src/container/srv_target.c}; here they sit next to their only user) and CONT_TGT_DESTROY.
 */
package io.daos.engine.obj;
