/**
 * The engine side of DAOS's {@code src/mgmt}: the MGMT dRPC methods from daos_server ({@code srv_drpc.c}: rank,
 * set-up, log masks, group update, pool create/destroy/query and the pool-service methods), pool create and
 * destroy across ranks ({@code srv_pool.c}) and on this rank ({@code srv_target.c}: MGMT_TGT_CREATE/DESTROY,
 * RSVC_START), the group map and its distribution, and the calls to other ranks and to a pool service leader
 * these need (DAOS {@code src/pool/srv_cli.c}).
 */
package io.daos.engine.mgmt;
