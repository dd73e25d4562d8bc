package io.daos.engine.obj;

import io.daos.engine.vos.FetchedValue;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Pooled direct buffers a fetch reads large values into (VOS's {@code fetchInto}), so that the blob read lands where
 * the reply is sent from: no heap copy and no heap-to-direct copy on the way out. Values below DAOS's bulk threshold
 * stay heap arrays. One per fetch, on the target's thread; buffers not handed to the reply are released.
 */
final class FetchBuffers implements IntFunction<ByteBuffer> {
  /** DAOS sends values from this size on as bulk (19,456 B); smaller ones are cheaper as heap arrays. */
  static final int DIRECT_MIN = 19_456;

  private final Map<ByteBuffer, ByteBuf> given = new IdentityHashMap<>();

  @Override
  public ByteBuffer apply(int len) {
    if (len < DIRECT_MIN) {
      return null;
    }
    ByteBuf buf = ByteBufAllocator.DEFAULT.directBuffer(len, len);
    ByteBuffer view = buf.nioBuffer(0, len);
    given.put(view, buf);
    return view;
  }

  /** The reply bulk part of {@code v}: its pooled buffer (now owned by the caller) or its heap array. */
  ByteBuf take(FetchedValue v) {
    if (v.buffer() == null) {
      return Unpooled.wrappedBuffer(v.data());
    }
    ByteBuf buf = given.remove(v.buffer());
    if (buf == null) {
      throw new IllegalStateException("fetched value in a buffer this fetch did not give");
    }
    return buf.writerIndex(v.length());
  }

  /** Releases the buffers no value was taken from (the fetch failed part way). */
  void releaseUntaken() {
    given.values().forEach(ByteBuf::release);
    given.clear();
  }
}
