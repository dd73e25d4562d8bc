package io.daos.server.config.engine;

/** Engine {@code bdev_auto_faulty{enable, max_io_errs, max_csum_errs}}. */
public record BdevAutoFaulty(boolean enable, int maxIoErrs, int maxCsumErrs) {
  public static final BdevAutoFaulty NONE = new BdevAutoFaulty(false, 0, 0);
}
