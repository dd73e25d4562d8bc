package io.daos.cart;

import io.netty.buffer.ByteBuf;

/** A received RPC as a handler sees it. Body and bulk are views of the received bytes, not copies. */
public final class CartRequest {
  private final RpcFrame frame;
  private final String peer;
  private final boolean fromEngine;

  /** A request from a peer the server does not check (as if from an engine of the system). */
  public CartRequest(RpcFrame frame, String peer) {
    this(frame, peer, true);
  }

  /** {@code fromEngine}: the connection proved the system's key, or the server checks no peers. */
  public CartRequest(RpcFrame frame, String peer, boolean fromEngine) {
    this.frame = frame;
    this.peer = peer;
    this.fromEngine = fromEngine;
  }

  /**
   * True when the request came on a connection that proved the system's CART-J key (or the server does not check
   * peers); false for clients. Handlers that serve requests without a pool or container handle (engines send those
   * for dmg) refuse them when this is false.
   */
  public boolean fromEngine() {
    return fromEngine;
  }

  public Opcode opcode() {
    return Opcode.fromCode(frame.opcode());
  }

  public long rpcId() {
    return frame.rpcId();
  }

  /** The target (DAOS context / xstream) index the RPC is addressed to. */
  public int target() {
    return frame.target();
  }

  /** The pool map version the sender had. */
  public int mapVersion() {
    return frame.mapVersion();
  }

  /** The protobuf body (read it with {@code Parser.parseFrom(body().nioBuffer())}). */
  public ByteBuf body() {
    return frame.body();
  }

  /** The raw bulk bytes; empty when the RPC carries no bulk. */
  public ByteBuf bulk() {
    return frame.bulk();
  }

  /** A copy of the body bytes, for small protobuf messages. */
  public byte[] bodyBytes() {
    byte[] b = new byte[frame.body().readableBytes()];
    frame.body().getBytes(frame.body().readerIndex(), b);
    return b;
  }

  /** Who sent it (remote address), for logs. */
  public String peer() {
    return peer;
  }

  /** Keeps body and bulk valid after the reply; the caller then owns one release of each. */
  public CartRequest retain() {
    frame.body().retain();
    frame.bulk().retain();
    return this;
  }

  RpcFrame frame() {
    return frame;
  }

  @Override
  public String toString() {
    return "CartRequest{" + opcode() + " tgt=" + target() + " map=" + mapVersion() + " body="
        + frame.body().readableBytes() + " bulk=" + frame.bulk().readableBytes() + " from " + peer + "}";
  }
}
