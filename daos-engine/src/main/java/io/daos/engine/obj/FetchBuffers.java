package io.daos.engine.obj;

import io.daos.engine.vos.FetchedValue;
import io.daos.engine.vos.ViewSink;
import io.daos.engine.vos.blob.BlobView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where a fetch puts large values, so that the reply is sent from them with no heap copy and no heap-to-direct copy:
 * a value stored as one blob extent and wholly visible is sent from the blob's own memory ({@link BlobViewBuf}, a
 * view VOS hands over: the socket write is the engine's only copy); other large values are read into pooled direct
 * buffers (VOS's {@code fetchInto}). Values below DAOS's bulk threshold stay heap arrays. One per fetch, on the
 * target's thread; buffers and views not handed to the reply are released.
 */
final class FetchBuffers implements ViewSink {
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

  /** From the bulk size on, where Netty can be given the view's memory ({@link io.daos.ffi.DirectMemory}). */
  @Override
  public boolean viewable(int len) {
    return len >= DIRECT_MIN && io.daos.ffi.DirectMemory.available();
  }

  /** Wraps {@code v} for the reply: read-only, and releasing the view when Netty or the client let go of it. */
  @Override
  public ByteBuffer adopt(BlobView v) {
    ByteBuf buf;
    try {
      buf = new BlobViewBuf(v).asReadOnly();
    } catch (RuntimeException e) {
      v.release();
      throw e;
    }
    given.put(v.buffer(), buf);
    return v.buffer();
  }

  /** The reply bulk part of {@code v}: its pooled buffer or blob view (now owned by the caller) or its heap array. */
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

  /** Releases the buffers and views no value was taken from (the fetch failed part way). */
  void releaseUntaken() {
    given.values().forEach(ByteBuf::release);
    given.clear();
  }
}
