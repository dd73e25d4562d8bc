package io.daos.ffi;

import com.kenai.jffi.MemoryIO;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * ISA-L's erasure-code calls on JDK types: matrices as {@code byte[]}, cells as direct ByteBuffers (the bytes from
 * each buffer's position on). Every length is checked before ISA-L touches memory. Methods throw
 * {@link IllegalStateException} where ISA-L is not loaded ({@link #available()}).
 */
public final class IsalEc {
  /** Bytes of expanded table per coefficient ({@code ec_init_tables}: 16 low-nibble + 16 high-nibble products). */
  public static final int TABLE_BYTES = 32;

  private IsalEc() {}

  public static boolean available() {
    return Isal.get() != null;
  }

  /** {@code gf_gen_cauchy1_matrix}: the {@code m x k} encode matrix DAOS's {@code obj_ec_codec_init} generates. */
  public static byte[] cauchy1Matrix(int m, int k) {
    if (k < 1 || m < k || m > 255) {
      throw new IllegalArgumentException("bad Cauchy matrix " + m + " x " + k);
    }
    byte[] a = new byte[m * k];
    lib().gf_gen_cauchy1_matrix(a, m, k);
    return a;
  }

  /** {@code gf_invert_matrix} of an {@code n x n} matrix (left unchanged); null when it is singular. */
  public static byte[] invert(byte[] matrix, int n) {
    checkLength("matrix", matrix.length, n * n);
    byte[] out = new byte[n * n];
    return lib().gf_invert_matrix(matrix.clone(), out, n) == 0 ? out : null;
  }

  /** {@code gf_mul(a, b)} of two bytes (0..255). */
  public static int mul(int a, int b) {
    return lib().gf_mul((byte) a, (byte) b) & 0xff;
  }

  /** {@code gf_inv(a)} (0..255). */
  public static int inv(int a) {
    return lib().gf_inv((byte) a) & 0xff;
  }

  /** {@code ec_init_tables} of a {@code rows x k} coefficient matrix, into a new direct buffer. */
  public static ByteBuffer initTables(int k, int rows, byte[] coefficients) {
    checkLength("coefficients", coefficients.length, rows * k);
    ByteBuffer tables = ByteBuffer.allocateDirect(rows * k * TABLE_BYTES);
    Isal isal = lib();
    isal.ec_init_tables(k, rows, coefficients, pointer(isal, tables, tables.capacity()));
    return tables;
  }

  /** {@code ec_encode_data}: {@code len} bytes of {@code rows} outputs from {@code k} sources. */
  public static void encode(int len, int k, int rows, ByteBuffer tables, ByteBuffer[] data, ByteBuffer[] coding) {
    checkShape(len, k, rows, tables, data.length, coding.length);
    Isal isal = lib();
    isal.ec_encode_data(len, k, rows, pointer(isal, tables, k * rows * TABLE_BYTES), pointers(isal, data, k, len),
        outputs(isal, coding, rows, len));
    Reference.reachabilityFence(data);
    Reference.reachabilityFence(coding);
    Reference.reachabilityFence(tables);
  }

  /** {@code ec_encode_data_update}: adds source {@code vecI}'s contribution ({@code data}) to the outputs. */
  public static void encodeUpdate(int len, int k, int rows, int vecI, ByteBuffer tables, ByteBuffer data,
      ByteBuffer[] coding) {
    checkShape(len, k, rows, tables, k, coding.length);
    if (vecI < 0 || vecI >= k) {
      throw new IllegalArgumentException("source " + vecI + " of " + k);
    }
    Isal isal = lib();
    isal.ec_encode_data_update(len, k, rows, vecI, pointer(isal, tables, k * rows * TABLE_BYTES),
        pointer(isal, data, len), outputs(isal, coding, rows, len));
    Reference.reachabilityFence(data);
    Reference.reachabilityFence(coding);
    Reference.reachabilityFence(tables);
  }

  private static Isal lib() {
    Isal isal = Isal.get();
    if (isal == null) {
      throw new IllegalStateException("ISA-L is not loaded: " + Isal.loadError());
    }
    return isal;
  }

  private static void checkShape(int len, int k, int rows, ByteBuffer tables, int sources, int outputs) {
    if (len <= 0 || k < 1 || rows < 1) {
      throw new IllegalArgumentException("len " + len + ", k " + k + ", rows " + rows);
    }
    checkLength("sources", sources, k);
    checkLength("outputs", outputs, rows);
    if (tables.capacity() < k * rows * TABLE_BYTES) {
      throw new IllegalArgumentException("tables of " + tables.capacity() + " bytes for " + rows + " x " + k);
    }
  }

  private static void checkLength(String what, int have, int want) {
    if (have < want) {
      throw new IllegalArgumentException(what + ": " + have + " < " + want);
    }
  }

  private static Pointer[] pointers(Isal isal, ByteBuffer[] bufs, int n, int len) {
    Pointer[] out = new Pointer[n];
    for (int i = 0; i < n; i++) {
      out[i] = pointer(isal, bufs[i], len);
    }
    return out;
  }

  /** As {@link #pointers}, for buffers ISA-L writes: a read-only view is refused. */
  private static Pointer[] outputs(Isal isal, ByteBuffer[] bufs, int n, int len) {
    for (int i = 0; i < n; i++) {
      if (bufs[i].isReadOnly()) {
        throw new IllegalArgumentException("output " + i + " is read-only");
      }
    }
    return pointers(isal, bufs, n, len);
  }

  /** The address of {@code buf}'s position, after checking it is direct and holds {@code len} bytes. */
  private static Pointer pointer(Isal isal, ByteBuffer buf, int len) {
    if (!buf.isDirect()) {
      throw new IllegalArgumentException("ISA-L needs direct buffers");
    }
    if (buf.remaining() < len) {
      throw new IllegalArgumentException("buffer of " + buf.remaining() + " bytes for " + len);
    }
    return Pointer.wrap(Runtime.getRuntime(isal), address(buf));
  }

  private static long address(ByteBuffer buf) {
    return MemoryIO.getInstance().getDirectBufferAddress(buf) + buf.position();
  }
}
