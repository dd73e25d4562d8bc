/**
 * The data-plane RPC opcodes of each DAOS module (src/pool/rpc.h, src/container/rpc.h, src/object/obj_rpc.h,
 * src/mgmt/rpc.h, src/rsvc/rpc.h), carried by CART-J.
 */
package io.daos.rpc;
