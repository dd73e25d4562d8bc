/**
 * The target's blob file and the extent allocator that hands out its blocks: DAOS's {@code src/bio} and
 * {@code src/vea}. The allocator keeps its free extents in the meta database, so a block is allocated or freed
 * with the metadata transaction that uses it.
 */
package io.daos.engine.vos.blob;
