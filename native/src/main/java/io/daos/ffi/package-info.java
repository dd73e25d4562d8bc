/**
 * jnr-ffi bindings to native libraries from Debian, the calls DAOS makes from C: libc ({@code fallocate}), libpmem
 * for the SCM tier ({@link io.daos.ffi.Pmem}, {@link io.daos.ffi.PmemMap}; DAOS reaches it through PMDK), and
 * ISA-L's erasure code ({@link io.daos.ffi.Isal}, {@link io.daos.ffi.IsalEc}; DAOS src/object/obj_class.c,
 * cli_ec.c, srv_ec_aggregate.c). Each library is loaded on first use and is absent, not fatal, where missing.
 */
package io.daos.ffi;
