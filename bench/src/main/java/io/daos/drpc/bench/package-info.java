/** dRPC round trips next to a bare SEQPACKET ping-pong (benchmark main, see docs/benchmarks.md). */
package io.daos.drpc.bench;
