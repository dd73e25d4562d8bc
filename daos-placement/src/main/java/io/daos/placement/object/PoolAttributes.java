package io.daos.placement.object;

/**
 * What OID generation needs from the pool and container ({@code struct pl_map_attr} + container props): the
 * number of fault domains at the container's redundancy level, the number of UPIN targets, and the container's
 * redundancy factor ({@code rd_fac}, 0..4).
 */
public record PoolAttributes(int domains, int targets, int redundancyFactor) {
  public PoolAttributes {
    if (domains < 1 || targets < domains) {
      throw new IllegalArgumentException("pool needs at least one fault domain and as many targets as domains, got "
          + domains + " domains and " + targets + " targets");
    }
    if (redundancyFactor < 0) {
      throw new IllegalArgumentException("redundancy factor must be 0..4, got " + redundancyFactor);
    }
  }
}
