package io.daos.client.rpc;

import io.netty.buffer.ByteBuf;

/**
 * Takes a reply's bulk data straight from the receive buffer while the reply is decoded (before the buffer is
 * released), so a fetch lands in the caller's array with one copy.
 *
 * @param <T> the reply body type
 */
@FunctionalInterface
public interface BulkSink<T> {
  void accept(T body, ByteBuf bulk);
}
