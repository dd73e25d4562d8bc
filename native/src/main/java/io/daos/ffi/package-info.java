/**
 * jnr-ffi bindings to native libraries from Debian (libc, and libpmem and libisal where used), the calls DAOS makes
 * from C.
 */
package io.daos.ffi;
