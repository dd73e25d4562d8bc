package io.daos.client.obj;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;

/**
 * The update data of one RPC as views of the callers' arrays or buffers, never copied: each send wraps them afresh (an RP
 * write sends the same bytes to every replica), and the transport gathers them into one write.
 */
public final class Bulk {
  private final Iod[] iods;
  private final java.nio.ByteBuffer[] raw;
  private final int length;

  private Bulk(Iod[] iods, int length) {
    this.iods = iods;
    this.raw = null;
    this.length = length;
  }

  private Bulk(java.nio.ByteBuffer[] raw, int length) {
    this.iods = null;
    this.raw = raw;
    this.length = length;
  }

  /** Buffers sent back to back (EC parts); each send wraps their remaining bytes afresh, without a copy. */
  public static Bulk ofBuffers(List<java.nio.ByteBuffer> parts) {
    long len = parts.stream().mapToLong(java.nio.ByteBuffer::remaining).sum();
    return new Bulk(parts.toArray(new java.nio.ByteBuffer[0]), Math.toIntExact(len));
  }

  /** The data of every update iod, back to back. */
  public static Bulk of(List<Iod> iods) {
    int len = 0;
    for (Iod iod : iods) {
      if (!iod.hasData()) {
        throw new IllegalArgumentException("a fetch iod (no data) cannot be used for an update");
      }
      len += iod.dataLength();
    }
    return new Bulk(iods.toArray(new Iod[0]), len);
  }

  int length() {
    return length;
  }

  /** A new buffer over the data (no copy); null when there is none. */
  ByteBuf wrap() {
    if (length == 0) {
      return null;
    }
    if (raw != null) {
      ByteBuf[] parts = new ByteBuf[raw.length];
      for (int i = 0; i < raw.length; i++) {
        parts[i] = Unpooled.wrappedBuffer(raw[i].duplicate());
      }
      return Unpooled.wrappedBuffer(parts.length, parts);
    }
    if (iods.length == 1) {
      return wrap(iods[0]);
    }
    ByteBuf[] parts = new ByteBuf[iods.length];
    for (int i = 0; i < iods.length; i++) {
      parts[i] = wrap(iods[i]);
    }
    return Unpooled.wrappedBuffer(parts.length, parts);
  }

  private static ByteBuf wrap(Iod iod) {
    return iod.dataRef() != null ? Unpooled.wrappedBuffer(iod.dataRef(), iod.dataOffset(), iod.dataLength())
        : Unpooled.wrappedBuffer(iod.dataBuffer());
  }
}
