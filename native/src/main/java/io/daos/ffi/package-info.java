/**
 * jnr-ffi bindings to native libraries from Debian, the calls DAOS makes from C: libc ({@code fallocate}), libpmem
 * where used, and ISA-L's erasure code ({@link io.daos.ffi.Isal}, {@link io.daos.ffi.IsalEc}; DAOS
 * src/object/obj_class.c, cli_ec.c, srv_ec_aggregate.c).
 */
package io.daos.ffi;
