/** VOS updates and fetches next to bare LMDB, and the SCM blob backends (benchmark mains, see docs/benchmarks.md). */
package io.daos.engine.vos.bench;
