package io.daos.cart;

/**
 * Largest protobuf body and bulk payload one frame may carry; a peer that announces more has its
 * connection closed.
 *
 * @param maxBody largest body in bytes
 * @param maxBulk largest bulk payload in bytes
 */
public record CartLimits(int maxBody, int maxBulk) {
  /** 4 MiB of protobuf, 64 MiB of bulk. */
  public static final CartLimits DEFAULT = new CartLimits(4 << 20, 64 << 20);

  public CartLimits {
    if (maxBody < 0 || maxBulk < 0 || (long) maxBody + maxBulk > Integer.MAX_VALUE - RpcFrame.HEADER_SIZE) {
      throw new IllegalArgumentException("CART-J limits out of range: maxBody=" + maxBody + " maxBulk=" + maxBulk);
    }
  }
}
