/**
 * The data-plane RPC opcodes of each DAOS module (src/pool/rpc.h, src/container/rpc.h, src/object/obj_rpc.h,
 * src/mgmt/rpc.h, src/rsvc/rpc.h, src/dtx/dtx_internal.h), carried by CART-J.
 */
package io.daos.rpc;
