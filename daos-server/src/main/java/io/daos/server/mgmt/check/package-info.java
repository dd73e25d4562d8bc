/**
 * The MS side of DAOS's catastrophic-recovery checker ({@code src/control/server/mgmt_check.go},
 * {@code mgmt_fi.go}, {@code system/checker}) and the pool-list part of its check leader ({@code src/chk/chk_leader.c}):
 * checker mode, policies, the pool-list scan that compares the MS's pools with the engines' pool clues, the
 * findings with their repairs and interactive decisions, and the fault injection that creates the inconsistencies.
 */
package io.daos.server.mgmt.check;
