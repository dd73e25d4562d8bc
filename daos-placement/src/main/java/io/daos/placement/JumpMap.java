package io.daos.placement;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DAOS's jump map placement ({@code src/placement/jump_map.c}, object layout version 2): computes an object's
 * layout on a {@link PoolMap} — shards grouped by redundancy group, shards of one group in distinct fault domains
 * where possible, shards on DOWN/DOWNOUT targets remapped to fallback targets. Layouts depend only on the OID and
 * the map, so clients and engines compute the same one.
 */
public final class JumpMap {
  /** {@code PL_DEFAULT_DOMAIN}. */
  public static final DomainLevel DEFAULT_DOMAIN = DomainLevel.NODE;
  /** {@code DAOS_POOL_OBJ_VERSION}: the only layout version implemented. */
  public static final int LAYOUT_VERSION = 2;

  private static final Logger LOG = LoggerFactory.getLogger(JumpMap.class);

  private final DomainLevel domain;

  private JumpMap(DomainLevel domain) {
    this.domain = domain;
  }

  /** Placement over node fault domains, DAOS's default. */
  public static JumpMap create() {
    return new JumpMap(DEFAULT_DOMAIN);
  }

  /** Placement with the given redundancy domain level (a container's {@code rd_lvl}: RANK or NODE). */
  public static JumpMap create(DomainLevel domain) {
    if (domain != DomainLevel.RANK && domain != DomainLevel.NODE) {
      throw new IllegalArgumentException("redundancy level must be RANK or NODE, got " + domain);
    }
    return new JumpMap(domain);
  }

  /** The layout for I/O ({@link LayoutMode#CURRENT}). */
  public Layout place(ObjectId oid, PoolMap map) {
    return place(oid, map, LayoutMode.CURRENT);
  }

  /**
   * The layout of {@code oid} on {@code map}.
   *
   * @throws DaosException {@code DER_INVAL} when the OID's class is unknown or cannot fit the pool
   */
  public Layout place(ObjectId oid, PoolMap map, LayoutMode mode) {
    ObjectClass oc = classOf(oid);
    DomainLevel fdom = map.failureDomainLevel(domain);
    int domains = map.domainCount(fdom);
    int grpSize = oc.groupSize() == ObjectClass.GROUP_MAX ? domains : oc.groupSize();
    if (grpSize > domains) {
      throw new DaosException(DaosStatus.INVAL, "object " + oid + " of class " + oc.name() + " needs " + grpSize
          + " fault domains per group, the pool has " + domains);
    }
    int grpNr = groups(oid, oc, map.targetCount(), grpSize);
    LOG.debug("placing {} class {} ({} x {}) on {}", oid, oc.name(), grpNr, grpSize, map);
    JumpLayoutGenerator gen = new JumpLayoutGenerator(map, fdom, mode, oid, grpSize, grpNr);
    Layout l = gen.generate();
    if (mode != LayoutMode.CURRENT || !gen.hasPeers() && !map.adding()) {
      return l;
    }
    Layout post = new JumpLayoutGenerator(map, fdom, LayoutMode.POST_REBUILD, oid, grpSize, grpNr).generate();
    return extend(map, l, post);
  }

  /**
   * {@code jump_map_obj_extend_layout}: adds to {@code l} a peer for every shard whose home after the change
   * ({@code post}) differs, when that home is UPIN, UP or DRAIN ({@code layout_find_diff}); the peer is rebuilding
   * (written, not read) unless its target is draining, and reintegrating when its target is UP or NEW
   * ({@code pl_map_extend}).
   */
  private static Layout extend(PoolMap map, Layout l, Layout post) {
    java.util.List<Shard> peers = new java.util.ArrayList<>();
    for (int k = 0; k < l.shards().size(); k++) {
      Shard now = l.shard(k);
      Shard after = post.shard(k);
      if (!after.placed() || after.target() == now.target()) {
        continue;
      }
      MapComponent t = map.tgts[after.target()];
      TargetState st = t.state();
      if (st != TargetState.UPIN && st != TargetState.UP && st != TargetState.DRAIN) {
        continue;
      }
      peers.add(new Shard(k, t.id(), t.rank(), t.index(), t.fseq(), st != TargetState.DRAIN,
          st == TargetState.UP || st == TargetState.NEW));
    }
    if (peers.isEmpty()) {
      return l;
    }
    return new Layout(l.oid(), l.version(), l.groupSize(), l.groups(), l.shards(), peers);
  }

  private static ObjectClass classOf(ObjectId oid) {
    try {
      return oid.objectClass();
    } catch (IllegalArgumentException e) {
      throw new DaosException(DaosStatus.INVAL, "cannot place object " + oid + ": " + e.getMessage(), e);
    }
  }

  /** {@code jm_obj_placement_init}: "X" becomes all targets / group size. */
  private static int groups(ObjectId oid, ObjectClass oc, int targets, int grpSize) {
    int grpMax = Math.max(1, targets / grpSize);
    int grpNr = oc.groups();
    if (grpNr == ObjectClass.GROUP_MAX) {
      return grpMax;
    }
    if (grpNr > grpMax) {
      throw new DaosException(DaosStatus.INVAL, "object " + oid + " has " + grpNr + " groups of " + grpSize
          + " but the pool has only " + targets + " targets");
    }
    return grpNr;
  }
}
