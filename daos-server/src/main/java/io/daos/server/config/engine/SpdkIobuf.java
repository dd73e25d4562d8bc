package io.daos.server.config.engine;

/** Engine {@code spdk_iobuf{small_pool_count, large_pool_count}}; 0 = SPDK's default. */
public record SpdkIobuf(int smallPoolCount, int largePoolCount) {
  public static final SpdkIobuf NONE = new SpdkIobuf(0, 0);

  public boolean isEmpty() {
    return smallPoolCount == 0 && largePoolCount == 0;
  }
}
