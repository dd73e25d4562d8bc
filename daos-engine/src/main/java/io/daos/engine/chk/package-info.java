/**
 * The engine side of DAOS's checker ({@code src/chk}): each rank's pool clues (the pool shards it holds and what
 * the pool service replicas it hosts record), answered to CHK_START over CART-J and gathered for daos_server's
 * check leader (dRPC MGMT_CHK_CLUES).
 */
package io.daos.engine.chk;
