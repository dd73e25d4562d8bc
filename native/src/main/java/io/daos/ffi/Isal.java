package io.daos.ffi;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/**
 * The ISA-L erasure-code calls DAOS's object layer makes ({@code src/object/obj_class.c} {@code obj_ec_codec_init},
 * {@code cli_ec.c} {@code obj_ec_recov_codec_init}, {@code srv_ec_aggregate.c}), bound with jnr-ffi to Debian's
 * {@code libisal2} ({@code libisal.so.2}). Loaded on first use; {@link #get()} is null where the library is missing
 * or {@code -Djdaos.isal=off} turns it off, and {@link #loadError()} then says why. {@link IsalEc} wraps these calls
 * for direct ByteBuffers.
 */
public interface Isal {
  /** Fills {@code a} ({@code m x k}, row-major) with the identity over a Cauchy matrix: row i ≥ k, col j = 1/(i^j). */
  void gf_gen_cauchy1_matrix(@Out byte[] a, int m, int k);

  /** Inverts the {@code n x n} matrix {@code in} into {@code out}; 0, or -1 when singular. ISA-L scribbles on in. */
  int gf_invert_matrix(@In byte[] in, @Out byte[] out, int n);

  /** GF(2^8) product under ISA-L's polynomial 0x11d. */
  byte gf_mul(byte a, byte b);

  /** GF(2^8) inverse (0 for 0). */
  byte gf_inv(byte a);

  /** Expands the {@code rows x k} coefficient matrix {@code a} into 32-byte tables per coefficient. */
  void ec_init_tables(int k, int rows, @In byte[] a, Pointer gftbls);

  /** {@code coding[r] = sum_j a[r][j] * data[j]} over {@code len} bytes. */
  void ec_encode_data(int len, int k, int rows, Pointer gftbls, @In Pointer[] data, @In Pointer[] coding);

  /** {@code coding[r] ^= a[r][vecI] * data} over {@code len} bytes: one source's contribution. */
  void ec_encode_data_update(int len, int k, int rows, int vecI, Pointer gftbls, Pointer data,
      @In Pointer[] coding);

  /** libisal, loaded once; null where it cannot be loaded. */
  static Isal get() {
    return Holder.LOADED.lib();
  }

  /** Why {@link #get()} is null ({@code null} when ISA-L loaded). */
  static String loadError() {
    return Holder.LOADED.error();
  }

  /** The library, or why there is none. */
  record Loaded(Isal lib, String error) {}

  /** Lazy, failure-tolerant loading. */
  final class Holder {
    /** Debian's libisal2 ships only the versioned name; the bare one comes with libisal-dev. */
    static final String[] NAMES = {"libisal.so.2", "isal"};
    static final Loaded LOADED = "off".equals(System.getProperty("jdaos.isal"))
        ? new Loaded(null, "turned off by -Djdaos.isal=off") : load(NAMES);

    private Holder() {}

    static Loaded load(String... names) {
      String error = "no library name";
      for (String name : names) {
        try {
          Isal lib = LibraryLoader.create(Isal.class).failImmediately().load(name);
          return new Loaded(lib, null);
        } catch (RuntimeException | LinkageError e) {
          error = name + ": " + e.getMessage();
        }
      }
      return new Loaded(null, error);
    }
  }
}
