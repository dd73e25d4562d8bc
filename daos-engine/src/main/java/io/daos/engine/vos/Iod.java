package io.daos.engine.vos;

import io.daos.engine.vos.tree.IodType;
import io.daos.placement.Cond;
import io.daos.engine.vos.store.Bufs;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * {@code daos_iod_t} plus, for updates, its data. For {@link IodType#SINGLE} the value is {@code data} and
 * {@code recordSize} its size (0 on update = punch the value; 0 on fetch = {@code DAOS_REC_ANY}). For
 * {@link IodType#ARRAY}, {@code data} holds the records of {@code recxs} back to back ({@code recordSize} each;
 * record size 0 on update punches the extents). {@code flags} are the per-akey {@link Cond} bits used with
 * {@link Cond#PER_AKEY}.
 * <p>An update received over the fabric carries its data as {@code bulk} instead: the request's buffers
 * ({@code data} null), written from there into the blob without a copy into the heap. Whoever builds such an iod
 * keeps the buffers valid until the write has applied.
 */
public record Iod(byte[] akey, IodType type, long recordSize, List<Recx> recxs, byte[] data, int flags,
    ByteBuffer[] bulk) {
  public Iod {
    recxs = List.copyOf(recxs);
  }

  public Iod(byte[] akey, IodType type, long recordSize, List<Recx> recxs, byte[] data, int flags) {
    this(akey, type, recordSize, recxs, data, flags, null);
  }

  /** An update whose data is in {@code bulk} (the request's buffers, back to back). */
  public static Iod ofBulk(byte[] akey, IodType type, long recordSize, List<Recx> recxs, ByteBuffer[] bulk,
      int flags) {
    return new Iod(akey, type, recordSize, recxs, null, flags, bulk);
  }

  /** Bytes of data this update carries (in {@code data} or {@code bulk}); 0 for a fetch. */
  public long dataLength() {
    if (data != null) {
      return data.length;
    }
    return bulk == null ? 0 : Bufs.remaining(bulk);
  }

  /** This iod with {@code newAkey} (the stored form of its akey). */
  Iod withAkey(byte[] newAkey) {
    return new Iod(newAkey, type, recordSize, recxs, data, flags, bulk);
  }

  /** A single-value update. */
  public static Iod single(byte[] akey, byte[] value) {
    return new Iod(akey, IodType.SINGLE, value.length, List.of(), value, 0);
  }

  /** A single-value fetch ({@code DAOS_REC_ANY}: the size comes back with the value). */
  public static Iod fetchSingle(byte[] akey) {
    return new Iod(akey, IodType.SINGLE, 0, List.of(), null, 0);
  }

  /** An array update: {@code data} holds the records of {@code recxs} in order. */
  public static Iod array(byte[] akey, long recordSize, List<Recx> recxs, byte[] data) {
    return new Iod(akey, IodType.ARRAY, recordSize, recxs, data, 0);
  }

  /** An array fetch; {@code recordSize} 0 means {@code DAOS_REC_ANY}. */
  public static Iod fetchArray(byte[] akey, long recordSize, List<Recx> recxs) {
    return new Iod(akey, IodType.ARRAY, recordSize, recxs, null, 0);
  }

  /** A copy with per-akey conditional flags. */
  public Iod withFlags(int newFlags) {
    return new Iod(akey, type, recordSize, recxs, data, newFlags, bulk);
  }

  long records() {
    long n = 0;
    for (Recx r : recxs) {
      n += r.nr();
    }
    return n;
  }
}
