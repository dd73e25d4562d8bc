/** EC codec throughput next to a memory copy of the same bytes (docs/benchmarks.md "EC codec"). */
package io.daos.placement.ec.bench;
