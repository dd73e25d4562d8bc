package io.daos.engine.obj;

import io.daos.engine.vos.blob.BlobView;
import io.daos.ffi.DirectMemory;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledDirectByteBuf;

/**
 * A reply buffer over a {@link BlobView}: the bytes are the blob's own memory, sent from there by the socket write
 * (or copied out by an in-process client), and the view is released when the last reference to the buffer (or to
 * any slice or duplicate of it) is: until then the blob keeps the range from reuse and the mapping mapped. Handed
 * out read-only ({@link #asReadOnly}); the memory of a {@code BlobFile} view is a read-only mapping besides.
 */
final class BlobViewBuf extends UnpooledDirectByteBuf {
  private final BlobView view;

  BlobViewBuf(BlobView view) {
    // Netty wraps only buffers it may write to: an alias of the view's memory without the read-only flag.
    super(UnpooledByteBufAllocator.DEFAULT, DirectMemory.alias(view.buffer()), view.length());
    this.view = view;
  }

  @Override
  protected void deallocate() {
    try {
      super.deallocate();
    } finally {
      view.release();
    }
  }
}
