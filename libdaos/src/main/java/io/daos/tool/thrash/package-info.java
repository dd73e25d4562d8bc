/**
 * {@code jdaos-thrash}: a soak of self-healing on a real-process system on this machine (4 daos_server × 1 engine ×
 * 2 targets on 127.0.0.2–5, 3 MS replicas, a daos_agent): a qd-32 writer into RP_2G1 and RP_3G1 KVs runs while
 * engines are killed with SIGKILL, excluded, rebuilt, restarted and reintegrated, cycle after cycle; at the end every
 * acknowledged write is read back and every replica compared. No DAOS counterpart (DAOS's ftest
 * {@code rebuild/*} and {@code deployment/*} cover the same ground with avocado).
 */
package io.daos.tool.thrash;
