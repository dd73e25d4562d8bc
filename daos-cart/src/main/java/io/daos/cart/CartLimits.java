package io.daos.cart;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;

/**
 * Largest protobuf body and bulk payload one frame may carry, in both directions. A request over the limits is
 * refused by itself, never by dropping the connection other calls share: the sending client fails it before it
 * leaves, and a receiving server that has smaller limits skips its bytes and answers it with an error. The status
 * is {@code -DER_KEY2BIG} for a body too large (an object RPC's body carries its dkey and akeys) and
 * {@code -DER_REC2BIG} for a bulk too large (its values); a reply over the limits fails its call the same way.
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

  /** The status a frame of this body and bulk size is refused with, or null when it is within the limits. */
  public DaosStatus violation(long body, long bulk) {
    if (body > maxBody) {
      return DaosStatus.KEY2BIG;
    }
    return bulk > maxBulk ? DaosStatus.REC2BIG : null;
  }

  /** Why such a frame is refused, for messages and logs. */
  public String describe(long body, long bulk) {
    return body > maxBody
        ? "request body of " + body + " bytes exceeds the " + maxBody + "-byte CART-J limit (are its keys too long?)"
        : "bulk of " + bulk + " bytes exceeds the " + maxBulk + "-byte CART-J limit (is a value too large?)";
  }

  /** The error a client fails a request {@code f} with when it is over the limits, or null. */
  public DaosException refusal(RpcFrame f) {
    long body = f.body().readableBytes();
    long bulk = f.bulk().readableBytes();
    DaosStatus st = violation(body, bulk);
    return st == null ? null : new DaosException(st, Opcode.fromCode(f.opcode()) + ": " + describe(body, bulk)
        + "; not sent");
  }

  /** An error reply to {@code f} (request or reply header) carrying {@code status} and no payload. */
  public static RpcFrame errorReply(RpcFrame f, DaosStatus status) {
    return new RpcFrame(RpcFrame.FLAG_REPLY | RpcFrame.FLAG_ERROR, f.opcode(), f.rpcId(), f.target(), f.mapVersion(),
        status.code(), null, null);
  }
}
