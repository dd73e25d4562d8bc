package io.daos.ffi;

import com.kenai.jffi.MemoryIO;
import java.nio.ByteBuffer;

/**
 * Direct buffers over memory another buffer already refers to, for APIs that take only buffers they may write to
 * (Netty's {@code UnpooledDirectByteBuf} refuses read-only ones) but that a caller uses for reading only.
 */
public final class DirectMemory {
  private DirectMemory() {
  }

  /**
   * A buffer of {@code b.remaining()} bytes over the memory of {@code b} from its position, without its read-only
   * flag. The memory is not held: it is valid only as long as whatever maps it (the caller keeps track), and where
   * that memory is a read-only mapping, a write through the alias faults the process. {@link IllegalArgumentException}
   * if {@code b} is not direct.
   */
  public static ByteBuffer alias(ByteBuffer b) {
    if (!b.isDirect()) {
      throw new IllegalArgumentException("not a direct buffer: " + b);
    }
    MemoryIO io = MemoryIO.getInstance();
    return io.newDirectByteBuffer(io.getDirectBufferAddress(b) + b.position(), b.remaining());
  }
}
