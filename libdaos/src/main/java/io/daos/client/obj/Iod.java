package io.daos.client.obj;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One akey of an update or fetch ({@code daos_iod_t} with its sgl): the akey, the value type, the record size
 * ({@code iod_size}) and, for arrays, the record extents. Update iods carry the bytes; fetch iods carry none and a
 * record size of 0 ({@code DAOS_REC_ANY}) asks for the size.
 */
public final class Iod {
  private final byte[] akey;
  private final IodType type;
  private final long size;
  private final List<Recx> recxs;
  private final byte[] data;
  private final int dataOff;
  private final int dataLen;
  /** The update bytes when they are the caller's buffer (heap or direct) rather than an array; else null. */
  private final java.nio.ByteBuffer buf;

  private Iod(byte[] akey, IodType type, long size, List<Recx> recxs, byte[] data) {
    this(akey, type, size, recxs, data, 0, data == null ? 0 : data.length);
  }

  private Iod(byte[] akey, IodType type, long size, List<Recx> recxs, byte[] data, int off, int len) {
    this(akey, type, size, recxs, data, off, len, null);
  }

  private Iod(byte[] akey, IodType type, long size, List<Recx> recxs, byte[] data, int off, int len,
      java.nio.ByteBuffer buf) {
    if (Objects.requireNonNull(akey, "akey").length == 0) {
      throw new DaosException(DaosStatus.INVAL, "akey must not be empty (DAOS rejects 0-length keys)");
    }
    if (size < 0) {
      throw new IllegalArgumentException("iod size must be >= 0, got " + size);
    }
    this.akey = akey.clone();
    this.type = type;
    this.size = size;
    this.recxs = List.copyOf(recxs);
    this.data = data;
    this.dataOff = off;
    this.dataLen = len;
    this.buf = buf;
  }

  /** Update of a single value: {@code value} replaces what the akey held. */
  public static Iod single(byte[] akey, byte[] value) {
    return new Iod(akey, IodType.SINGLE, value.length, List.of(), value.clone());
  }

  /** Fetch of a single value into a buffer of {@code bufferSize} bytes; 0 asks for the size. */
  public static Iod singleFetch(byte[] akey, long bufferSize) {
    return new Iod(akey, IodType.SINGLE, bufferSize, List.of(), null);
  }

  /** Update of array records: {@code data} holds every recx's records back to back. */
  public static Iod array(byte[] akey, int recordSize, List<Recx> recxs, byte[] data) {
    if (recordSize < 1) {
      throw new IllegalArgumentException("array record size must be >= 1, got " + recordSize);
    }
    long want = records(recxs) * recordSize;
    if (want != data.length) {
      throw new IllegalArgumentException("array update of " + records(recxs) + " records of " + recordSize
          + " bytes needs " + want + " bytes of data, got " + data.length);
    }
    return new Iod(akey, IodType.ARRAY, recordSize, recxs, data.clone());
  }

  /**
   * Update of array records from {@code data}'s remaining bytes without a copy (libdaos internal: the caller keeps
   * the bytes unchanged until the update completes, as DAOS requires of an sgl in flight). A heap buffer is sent from
   * its array; a direct buffer goes to the socket as it is, with no copy into the transport's own memory.
   */
  public static Iod arrayView(byte[] akey, int recordSize, List<Recx> recxs, java.nio.ByteBuffer data) {
    int len = data.remaining();
    if (records(recxs) * recordSize != len) {
      throw new IllegalArgumentException("array update of " + records(recxs) + " records of " + recordSize
          + " bytes needs " + records(recxs) * recordSize + " bytes of data, got " + len);
    }
    return new Iod(akey, IodType.ARRAY, recordSize, recxs, null, 0, len, data.slice());
  }

  /** Punch of array records (an update with record size 0 writes holes). */
  public static Iod arrayPunch(byte[] akey, List<Recx> recxs) {
    return new Iod(akey, IodType.ARRAY, 0, recxs, new byte[0]);
  }

  /** Fetch of array records; {@code recordSize} 0 asks for the record size. */
  public static Iod arrayFetch(byte[] akey, int recordSize, List<Recx> recxs) {
    if (recxs.isEmpty()) {
      throw new IllegalArgumentException("an array fetch needs at least one recx");
    }
    return new Iod(akey, IodType.ARRAY, recordSize, recxs, null);
  }

  /** The akey as UTF-8 bytes. */
  public static byte[] key(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** How many records {@code recxs} cover. */
  public static long records(List<Recx> recxs) {
    return recxs.stream().mapToLong(Recx::count).sum();
  }

  public byte[] akey() {
    return akey.clone();
  }

  /** The akey itself, not a copy (for the object layer's codecs; do not modify). */
  public byte[] akeyRef() {
    return akey;
  }

  public IodType type() {
    return type;
  }

  /** {@code iod_size}: record size (array) or value size (single); 0 = any (fetch) or punch (update). */
  public long size() {
    return size;
  }

  public List<Recx> recxs() {
    return recxs;
  }

  /** Whether this iod carries update bytes (an array or a buffer); fetch iods do not. */
  public boolean hasData() {
    return data != null || buf != null;
  }

  /**
   * The update bytes as a buffer of their own, positions 0 to {@link #dataLength()} (a view: no copy), whether they
   * came as an array or as a buffer; null for fetch iods.
   */
  public java.nio.ByteBuffer dataBuffer() {
    if (buf != null) {
      return buf.duplicate();
    }
    return data == null ? null : java.nio.ByteBuffer.wrap(data, dataOff, dataLen).slice();
  }

  /**
   * The array holding the update bytes (null for fetch iods and for iods over a buffer: use {@link #dataBuffer()});
   * they are {@code [dataOffset, +dataLength)}.
   */
  public byte[] dataRef() {
    return data;
  }

  /** Where the update bytes start in {@link #dataRef()}. */
  public int dataOffset() {
    return dataOff;
  }

  /** How many update bytes {@link #dataRef()} holds from {@link #dataOffset()}. */
  public int dataLength() {
    return dataLen;
  }
}
