/**
 * The target's blob and the extent allocator that hands out its blocks: DAOS's {@code src/bio} and {@code src/vea}.
 * {@link io.daos.engine.vos.blob.Blob} has three backends ({@link io.daos.engine.vos.blob.BlobKind}): a file with
 * fdatasync for pools with an NVMe tier, and for SCM-only pools a libpmem mapping or, without libpmem, a JDK mapping
 * with msync. The allocator keeps its free extents in the meta database, so a block is allocated or freed with the
 * metadata transaction that uses it.
 */
package io.daos.engine.vos.blob;
