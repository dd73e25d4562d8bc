/**
 * Placement: the pool map (src/common/pool_map.c) and the jump map that places an object's shards on its targets
 * and remaps them around failed ones (src/placement/jump_map.c, pl_map.c). Object classes and ids are in
 * {@code object}.
 */
package io.daos.placement;
