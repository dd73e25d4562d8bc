/** A storm of engine joins against the MS database (benchmark main, see docs/benchmarks.md). */
package io.daos.server.sysdb.bench;
