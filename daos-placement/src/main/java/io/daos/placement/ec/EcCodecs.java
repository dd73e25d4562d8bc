package io.daos.placement.ec;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.ffi.Isal;
import io.daos.ffi.IsalEc;
import io.daos.placement.object.Redundancy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The codec of each EC layout, made once per process (DAOS's {@code obj_ec_codec_init} / {@code obj_ec_codec_get}).
 * {@link #get} gives ISA-L's where {@code libisal.so.2} loads (daos-native on the class path, libisal2 installed,
 * not {@code -Djdaos.isal=off}), else the pure-Java one; its first call logs which, once per process.
 */
public final class EcCodecs {
  /** DAOS's {@code OBJ_EC_MAX_K} and {@code OBJ_EC_MAX_P}. */
  public static final int MAX_K = 64;
  public static final int MAX_P = 8;

  private static final Logger LOG = LoggerFactory.getLogger(EcCodecs.class);
  private static final Map<Long, EcCodec> JAVA = new ConcurrentHashMap<>();
  private static final Map<Long, EcCodec> ISAL = new ConcurrentHashMap<>();

  private EcCodecs() {}

  /** The codec for EC k+p: ISA-L's when loaded, else pure Java. */
  public static EcCodec get(int k, int p) {
    return Choice.ISAL ? isal(k, p) : java(k, p);
  }

  /** The codec of an EC redundancy ({@code OR_RS_*}). */
  public static EcCodec get(Redundancy r) {
    if (!r.erasureCoded()) {
      throw new IllegalArgumentException(r + " is not erasure-coded");
    }
    return get(r.dataCells(), r.parityCells());
  }

  /** The pure-Java codec for EC k+p, whatever is installed. */
  public static EcCodec java(int k, int p) {
    return JAVA.computeIfAbsent(key(k, p), x -> new KernelCodec<>(JavaKernel.INSTANCE, k, p));
  }

  /**
   * ISA-L's codec for EC k+p.
   *
   * @throws IllegalStateException where ISA-L is not loaded ({@link #isalError()} says why)
   */
  public static EcCodec isal(int k, int p) {
    if (!isalLoaded()) {
      throw new IllegalStateException("ISA-L is not available: " + isalError());
    }
    return ISAL.computeIfAbsent(key(k, p), x -> new KernelCodec<>(IsalKernel.INSTANCE, k, p));
  }

  /** Whether ISA-L is loaded (loads it on the first call). */
  public static boolean isalLoaded() {
    try {
      return IsalEc.available();
    } catch (LinkageError e) {
      return false; // daos-native or jnr-ffi is not on the class path
    }
  }

  /** Why ISA-L is not loaded, or null when it is. */
  public static String isalError() {
    try {
      return Isal.loadError();
    } catch (LinkageError e) {
      return "daos-native (io.daos.ffi) is not on the class path: " + e;
    }
  }

  /** {@code obj_ec_codec_init}'s checks: 2 ≤ k ≤ 64, 1 ≤ p ≤ 8, p ≤ k. */
  private static long key(int k, int p) {
    if (k < 2 || p < 1 || k > MAX_K || p > MAX_P || p > k) {
      throw new DaosException(DaosStatus.INVAL, "invalid EC k " + k + " p " + p
          + " (2 <= k <= " + MAX_K + ", 1 <= p <= " + MAX_P + ", p <= k)");
    }
    return ((long) k << 32) | p;
  }

  /** The choice {@link #get} makes, taken and logged on its first call. */
  private static final class Choice {
    static final boolean ISAL = choose();

    private static boolean choose() {
      if (isalLoaded()) {
        LOG.info("EC codec: ISA-L (libisal.so.2 through jnr-ffi)");
        return true;
      }
      LOG.info("EC codec: pure Java GF(2^8), same parity as ISA-L; ISA-L not loaded: {}", isalError());
      return false;
    }
  }
}
