package io.daos.ffi;

import com.kenai.jffi.MemoryIO;
import java.nio.ByteBuffer;

/**
 * Direct buffers over memory another buffer already refers to, for APIs that take only buffers they may write to
 * (Netty's {@code UnpooledDirectByteBuf} refuses read-only ones) but that a caller uses for reading only.
 */
public final class DirectMemory {
  private static final MemoryIO IO = load();

  private DirectMemory() {
  }

  private static MemoryIO load() {
    try {
      return MemoryIO.getInstance();
    } catch (Throwable e) { // jffi's native stub did not load: no aliases here
      return null;
    }
  }

  /** Whether {@link #alias} works in this JVM (jffi's native stub loaded). */
  public static boolean available() {
    return IO != null;
  }

  /**
   * A buffer of {@code b.remaining()} bytes over the memory of {@code b} from its position, without its read-only
   * flag. The memory is not held: it is valid only as long as whatever maps it (the caller keeps track), and where
   * that memory is a read-only mapping, a write through the alias faults the process. {@link IllegalArgumentException}
   * if {@code b} is not direct, {@link IllegalStateException} where not {@link #available}.
   */
  public static ByteBuffer alias(ByteBuffer b) {
    if (!b.isDirect()) {
      throw new IllegalArgumentException("not a direct buffer: " + b);
    }
    if (IO == null) {
      throw new IllegalStateException("jffi's native stub is not loaded: no direct buffer aliases");
    }
    return IO.newDirectByteBuffer(IO.getDirectBufferAddress(b) + b.position(), b.remaining());
  }
}
