/**
 * Object classes, object ids and types, and the dkey hash that picks a redundancy group: DAOS's
 * src/object/obj_class.c, daos_obj.h's OID layout ({@code daos_obj_generate_oid}), {@code obj_dkey2hash} and
 * gurt's hash functions (src/gurt/hash.c).
 */
package io.daos.placement.object;
