/** VOS updates and fetches next to bare LMDB (benchmark mains, see docs/benchmarks.md). */
package io.daos.engine.vos.bench;
