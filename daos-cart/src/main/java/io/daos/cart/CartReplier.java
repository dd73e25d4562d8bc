package io.daos.cart;

import io.daos.common.status.DaosStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Sends the one reply to a request; a second reply throws {@link IllegalStateException}. */
public interface CartReplier {
  /**
   * Replies with {@code status} (carried to the caller in {@link CartReply#status()}), the server's map
   * version, a body and bulk bytes. Takes ownership of both buffers (null means empty).
   */
  void reply(int status, int mapVersion, ByteBuf body, ByteBuf bulk);

  /** A transport-level failure: the caller's future fails with {@code DaosException(status)}. */
  void error(DaosStatus status, int mapVersion);

  default void ok(int mapVersion, ByteBuf body) {
    reply(0, mapVersion, body, null);
  }

  default void ok(int mapVersion, byte[] body) {
    reply(0, mapVersion, Unpooled.wrappedBuffer(body), null);
  }

  default void ok(int mapVersion, ByteBuf body, ByteBuf bulk) {
    reply(0, mapVersion, body, bulk);
  }
}
