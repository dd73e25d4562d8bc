package io.daos.cart;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A reply as the caller receives it: the handler's status (0 unless it chose one), the server's pool map
 * version, the protobuf body and any bulk bytes. Close it to release the buffers.
 */
public final class CartReply implements AutoCloseable {
  private final int status;
  private final int mapVersion;
  private final ByteBuf body;
  private final ByteBuf bulk;

  CartReply(int status, int mapVersion, ByteBuf body, ByteBuf bulk) {
    this.status = status;
    this.mapVersion = mapVersion;
    this.body = body == null ? Unpooled.EMPTY_BUFFER : body;
    this.bulk = bulk == null ? Unpooled.EMPTY_BUFFER : bulk;
  }

  public static CartReply of(RpcFrame f) {
    return new CartReply(f.status(), f.mapVersion(), f.body(), f.bulk());
  }

  public int status() {
    return status;
  }

  /** The server's pool map version when it replied. */
  public int mapVersion() {
    return mapVersion;
  }

  public ByteBuf body() {
    return body;
  }

  public ByteBuf bulk() {
    return bulk;
  }

  public byte[] bodyBytes() {
    byte[] b = new byte[body.readableBytes()];
    body.getBytes(body.readerIndex(), b);
    return b;
  }

  @Override
  public void close() {
    body.release();
    bulk.release();
  }

  @Override
  public String toString() {
    return "CartReply{status=" + status + " map=" + mapVersion + " body=" + body.readableBytes() + " bulk="
        + bulk.readableBytes() + "}";
  }
}
