package io.daos.client.dfs;

import io.daos.client.DaosContainer;
import io.daos.client.DaosObject;
import io.daos.client.DaosPool;
import io.daos.client.cont.ContainerProps;
import io.daos.client.cont.PropType;
import io.daos.client.obj.FetchedIod;
import io.daos.client.obj.Iod;
import io.daos.client.obj.Keys;
import io.daos.client.obj.Recx;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.placement.Cond;
import io.daos.placement.DomainLevel;
import io.daos.placement.object.ObjectClass;
import io.daos.placement.object.ObjectId;
import io.daos.placement.object.ObjectType;
import io.daos.placement.object.PoolAttributes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code dfs_cont_create} and {@code dfs_query} with DAOS's on-disk layout ({@code src/client/dfs/cont.c},
 * {@code common.c}): the superblock object (OID lo 0, hi 0) keeps the DFS attributes as single values under dkey
 * {@code DFS_SB_METADATA}; the root directory (lo 0, hi 1) is inserted into it as the entry "/"; both OIDs are
 * the container's {@code roots} property.
 */
public final class Dfs {
  static final byte[] SB_DKEY = Keys.utf8("DFS_SB_METADATA");
  static final long SB_MAGIC = 0xda05df50da05df50L;
  static final short SB_VERSION = 2;
  static final short LAYOUT_VERSION = 3;
  private static final int HINT_MAX = 128;
  private static final long EC_CELL_DEF = 128 << 10;
  /** {@code END_IDX}: the bytes of a directory entry's {@code DFS_INODE} array. */
  static final int ENTRY_SIZE = 88;
  private static final int S_IFDIR = 0040000;

  private Dfs() {
  }

  /**
   * {@code dfs_cont_create}: checks the classes against the container's redundancy factor (the pool's when the
   * properties name none), picks the chunk size, creates the container (layout POSIX, root OIDs) and writes the
   * superblock and the root entry. Bad classes or a pool too small for them give DER_INVAL before anything is
   * created; a failure after creation destroys the container again.
   */
  public static UUID createContainer(DaosPool pool, ContainerProps props, DfsAttr attr, Clock clock) {
    int rf = props.number(PropType.CO_REDUN_FAC, -1) >= 0 ? (int) props.number(PropType.CO_REDUN_FAC, 0)
        : pool.redundancyFactor();
    int dirOc = attr.oclass() != 0 ? attr.oclass() : 0;
    int fileOc = attr.oclass() != 0 ? attr.oclass() : 0;
    if (attr.fileOclass() != 0) {
      fileOc = attr.fileOclass();
    }
    if (attr.dirOclass() != 0) {
      dirOc = isEc(attr.dirOclass()) ? 0 : attr.dirOclass(); // DFS: EC directories revert to the default
    }
    int mode = attr.mode() == DfsAttr.BALANCED ? DfsAttr.BALANCED : DfsAttr.RELAXED;
    DomainLevel level = props.redundancyLevel() == PropType.REDUN_LVL_RANK ? DomainLevel.RANK : DomainLevel.NODE;
    PoolAttributes pa = pool.poolMap().attributes(level, rf);
    long chunk = attr.chunkSize() != 0 ? attr.chunkSize() : suggestChunkSize(pool, props, pa, rf, fileOc);
    checkTolerates(fileOc, rf, "File");
    checkTolerates(dirOc, rf, "Directory");
    ObjectId sb = generate(0, 0, dirOc, pa, "SB");
    ObjectId root = generate(0, 1, dirOc, pa, "ROOT");
    DfsAttr stored = new DfsAttr(attr.oclass(), dirOc, fileOc, chunk, mode, attr.hints());
    ContainerProps withRoots = props.withRaw(PropType.CO_ROOTS, roots(sb, root))
        .withLayoutType(PropType.LAYOUT_POSIX);
    UUID uuid = pool.createContainer(withRoots);
    try (DaosContainer c = pool.openContainer(uuid.toString(), DaosContainer.RW)) {
      DaosObject so = c.openObject(sb);
      so.update(SB_DKEY, superblock(stored), Cond.DKEY_INSERT);
      Instant now = clock.instant();
      so.update(Keys.utf8("/"), List.of(Iod.array(Keys.utf8("DFS_INODE"), 1, List.of(new Recx(0, ENTRY_SIZE)),
          rootEntry(root, now))), Cond.DKEY_INSERT);
    } catch (RuntimeException e) {
      try {
        pool.destroyContainer(uuid.toString(), true);
      } catch (RuntimeException ignored) {
        // DAOS only logs a failed clean-up
      }
      throw e;
    }
    return uuid;
  }

  /**
   * {@code dfs_mount} + {@code dfs_query}: the attributes the superblock keeps. DER_NONEXIST when the container
   * has no superblock, DER_INVAL when it is not a DFS superblock of a layout this library reads.
   */
  public static DfsAttr query(DaosContainer c) {
    byte[] roots = c.props().raw(PropType.CO_ROOTS);
    if (roots == null || roots.length < 16) {
      throw new DaosException(DaosStatus.NONEXIST, "container " + c.uuid() + " has no root OIDs: not a POSIX "
          + "container created through DFS");
    }
    ByteBuffer b = ByteBuffer.wrap(roots).order(ByteOrder.LITTLE_ENDIAN);
    ObjectId sb = new ObjectId(b.getLong(), b.getLong());
    List<byte[]> names = List.of(MAGIC, SB_VER, LAYOUT_VER, CS, OC, DIR_OC, FILE_OC, MODE, HINTS);
    List<Iod> iods = new ArrayList<>();
    for (byte[] n : names) {
      iods.add(Iod.singleFetch(n, n == HINTS ? HINT_MAX : 8));
    }
    List<FetchedIod> got = c.openObject(sb).fetch(SB_DKEY, iods);
    if (got.get(0).isEmpty()) {
      throw new DaosException(DaosStatus.NONEXIST, "container " + c.uuid() + ": DFS superblock does not exist");
    }
    if (le(got.get(0)).getLong() != SB_MAGIC) {
      throw new DaosException(DaosStatus.INVAL, "container " + c.uuid() + ": DFS superblock magic mismatch");
    }
    if (got.get(1).size() != 2 || le(got.get(1)).getShort() > SB_VERSION
        || got.get(2).size() != 2 || le(got.get(2)).getShort() != LAYOUT_VERSION) {
      throw new DaosException(DaosStatus.INVAL, "container " + c.uuid() + ": incompatible DFS superblock or layout"
          + " version");
    }
    long cs = got.get(3).isEmpty() ? 0 : le(got.get(3)).getLong();
    String hints = "";
    if (!got.get(8).isEmpty()) {
      byte[] h = got.get(8).data();
      int n = 0;
      while (n < h.length && n < HINT_MAX - 1 && h[n] != 0) {
        n++;
      }
      hints = new String(h, 0, n, StandardCharsets.UTF_8);
    }
    return new DfsAttr(u32(got.get(4)), u32(got.get(5)), u32(got.get(6)), cs == 0 ? DfsAttr.DEFAULT_CHUNK_SIZE : cs,
        u32(got.get(7)), hints);
  }

  private static final byte[] MAGIC = Keys.utf8("DFS_MAGIC");
  private static final byte[] SB_VER = Keys.utf8("DFS_SB_VERSION");
  private static final byte[] LAYOUT_VER = Keys.utf8("DFS_LAYOUT_VERSION");
  private static final byte[] CS = Keys.utf8("DFS_CHUNK_SIZE");
  private static final byte[] OC = Keys.utf8("DFS_OBJ_CLASS");
  private static final byte[] DIR_OC = Keys.utf8("DFS_DIR_OBJ_CLASS");
  private static final byte[] FILE_OC = Keys.utf8("DFS_FILE_OBJ_CLASS");
  private static final byte[] MODE = Keys.utf8("DFS_MODE");
  private static final byte[] HINTS = Keys.utf8("DFS_HINTS");

  private static ByteBuffer le(FetchedIod f) {
    return ByteBuffer.wrap(f.data()).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static int u32(FetchedIod f) {
    return f.isEmpty() ? 0 : le(f).getInt();
  }

  private static boolean isEc(int id) {
    return !ObjectClass.byId(id).replicated();
  }

  /** {@code daos_oclass_cid2allowedfailures} against {@code daos_cont_rf2allowedfailures}. */
  private static void checkTolerates(int id, int rf, String what) {
    if (id == 0) {
      return;
    }
    ObjectClass oc = ObjectClass.byId(id);
    if (oc.resilienceDegree() < rf) {
      throw new DaosException(DaosStatus.INVAL, what + " object class " + oc.name() + " cannot tolerate RF "
          + rf + " failures: choose a class with more redundancy or lower rd_fac");
    }
  }

  /** {@code daos_obj_generate_oid_by_rf} of a reserved DFS OID (type 0, class fitted or chosen). */
  private static ObjectId generate(long lo, int hi, int id, PoolAttributes pa, String what) {
    try {
      return ObjectId.generate(lo, hi, ObjectType.MULTI_HASHED, DfsAttr.classOf(id), 0, pa);
    } catch (IllegalArgumentException e) {
      throw new DaosException(DaosStatus.INVAL, "failed to generate " + what + " OID: " + e.getMessage(), e);
    }
  }

  /**
   * {@code suggest_dfs_cs}: 1 MiB for replicated files; for EC files k × the EC cell size (the container's
   * {@code ec_cell_sz}, else the pool's), raised to the first multiple at or above 1 MiB, or doubled when above.
   */
  static long suggestChunkSize(DaosPool pool, ContainerProps props, PoolAttributes pa, int rf, int fileOc) {
    if (rf > 3) {
      return DfsAttr.DEFAULT_CHUNK_SIZE;
    }
    ObjectClass oc = fileOc != 0 ? ObjectClass.byId(fileOc)
        : ObjectId.generate(0, 0, ObjectType.ARRAY_BYTE, null, 0, pa).objectClass();
    if (oc.replicated()) {
      return DfsAttr.DEFAULT_CHUNK_SIZE;
    }
    long cell = props.number(PropType.CO_EC_CELL_SZ, 0);
    if (cell == 0) {
      cell = pool.ecCellSize() > 0 ? pool.ecCellSize() : EC_CELL_DEF;
    }
    long base = oc.redundancy().dataCells() * cell;
    if (base < DfsAttr.DEFAULT_CHUNK_SIZE) {
      long n = (DfsAttr.DEFAULT_CHUNK_SIZE + base - 1) / base;
      return n * base;
    }
    return base * 2;
  }

  private static byte[] roots(ObjectId sb, ObjectId root) {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(sb.lo()).putLong(sb.hi()).putLong(root.lo()).putLong(root.hi());
    return b.array(); // cr_oids[2], [3] = DAOS_OBJ_NIL
  }

  static List<Iod> superblock(DfsAttr a) {
    List<Iod> l = new ArrayList<>();
    l.add(Iod.single(MAGIC, le(8).putLong(SB_MAGIC).array()));
    l.add(Iod.single(SB_VER, le(2).putShort(SB_VERSION).array()));
    l.add(Iod.single(LAYOUT_VER, le(2).putShort(LAYOUT_VERSION).array()));
    l.add(Iod.single(CS, le(8).putLong(a.chunkSize() != 0 ? a.chunkSize() : DfsAttr.DEFAULT_CHUNK_SIZE).array()));
    l.add(Iod.single(OC, le(4).putInt(a.oclass()).array()));
    l.add(Iod.single(DIR_OC, le(4).putInt(a.dirOclass()).array()));
    l.add(Iod.single(FILE_OC, le(4).putInt(a.fileOclass()).array()));
    l.add(Iod.single(MODE, le(4).putInt(a.mode()).array()));
    if (!a.hints().isEmpty()) {
      byte[] h = a.hints().getBytes(StandardCharsets.UTF_8);
      byte[] z = new byte[Math.min(h.length, HINT_MAX - 1) + 1];
      System.arraycopy(h, 0, z, 0, z.length - 1);
      l.add(Iod.single(HINTS, z));
    }
    return l;
  }

  /** {@code insert_entry} of the root directory: mode, OID, times, chunk size, class, uid, gid, size, HLC. */
  static byte[] rootEntry(ObjectId root, Instant now) {
    ByteBuffer b = le(ENTRY_SIZE);
    b.putInt(S_IFDIR | 0755).putLong(root.lo()).putLong(root.hi()).putLong(now.getEpochSecond())
        .putLong(now.getEpochSecond()).putLong(0).putInt(0).putLong(now.getNano()).putLong(now.getNano())
        .putInt(uid()).putInt(uid()).putLong(0).putLong(0);
    return b.array();
  }

  private static int uid() {
    return 0; // jdaos has no POSIX ids of its own; DFS writes geteuid()/getegid()
  }

  private static ByteBuffer le(int n) {
    return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
  }
}
