package io.daos.cart.netty;

import io.daos.cart.CartLimits;
import io.daos.cart.RpcFrame;
import io.daos.common.LogLimiter;
import io.daos.common.status.DaosStatus;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the byte stream into {@link RpcFrame}s. Body and bulk are retained slices of the receive buffer.
 * A malformed frame closes this connection with a logged reason; nothing is thrown. A well-formed frame over the
 * {@link CartLimits} is skipped as its bytes arrive (never buffered) and refused alone, so that the other calls on
 * the connection go on: a request gets an error reply ({@code -DER_KEY2BIG} / {@code -DER_REC2BIG}), a reply becomes
 * that error for the call it answers.
 */
final class FrameDecoder extends ByteToMessageDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(FrameDecoder.class);
  /** A peer decides how often these lines are written; each kind is rate-limited. */
  private static final LogLimiter LOG_LIMIT = LogLimiter.perMinute();

  private final CartLimits limits;
  private final String side;
  /** Frames above this size are gathered in a composite buffer while they arrive. */
  static final int LARGE = 64 * 1024;

  private boolean broken;
  private boolean composite;
  /** Bytes of a refused frame still to skip. */
  private long skipping;

  FrameDecoder(CartLimits limits, String side) {
    this.limits = limits;
    this.side = side;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (broken) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (skipping > 0) {
      int n = (int) Math.min(skipping, in.readableBytes());
      in.skipBytes(n);
      skipping -= n;
      return;
    }
    if (in.readableBytes() < RpcFrame.HEADER_SIZE) {
      return;
    }
    int at = in.readerIndex();
    String bad = check(in, at);
    if (bad != null) {
      broken = true;
      in.skipBytes(in.readableBytes());
      LOG_LIMIT.warn(LOG, "malformed", "CART-J {}: closing connection from {}: {}", side,
          ctx.channel().remoteAddress(), bad);
      ctx.close();
      return;
    }
    DaosStatus over = limits.violation(in.getUnsignedInt(at + 32), in.getUnsignedInt(at + 36));
    if (over != null) {
      refuse(ctx, in, over, out);
      return;
    }
    int need = in.getInt(at) + RpcFrame.LENGTH_FIELD;
    if (in.readableBytes() < need) {
      gatherLarge(need);
      return;
    }
    out.add(read(in));
    if (composite) {
      setCumulator(MERGE_CUMULATOR);
      composite = false;
    }
  }

  /**
   * A frame larger than {@link #LARGE} that is still arriving is gathered without copying: its reads are chained as
   * the components of a composite buffer, not copied into a merged one (that copy, and the copies at every doubling
   * of the merged buffer, are the receiver's main cost for 1 MiB bulk). Smaller frames keep the merged buffer, which
   * is faster to parse.
   */
  private void gatherLarge(int need) {
    if (need > LARGE && !composite) {
      setCumulator(COMPOSITE_CUMULATOR);
      composite = true;
    }
  }

  /**
   * Refuses the oversize frame whose header is at the reader index: answers it (a request) or fails its call (a
   * reply) with {@code status}, and skips its bytes from here on.
   */
  private void refuse(ChannelHandlerContext ctx, ByteBuf in, DaosStatus status, List<Object> out) {
    int at = in.readerIndex();
    long body = in.getUnsignedInt(at + 32);
    long bulk = in.getUnsignedInt(at + 36);
    RpcFrame header = new RpcFrame(in.getUnsignedByte(at + 7) & ~RpcFrame.FLAG_BULK, in.getInt(at + 8),
        in.getLong(at + 12), in.getInt(at + 20), in.getInt(at + 24), 0, null, null);
    skipping = in.getUnsignedInt(at) + RpcFrame.LENGTH_FIELD;
    LOG_LIMIT.info(LOG, "oversize", "CART-J {}: refusing {} from {} with {}: {}", side, header,
        ctx.channel().remoteAddress(), status.symbol(), limits.describe(body, bulk));
    if (header.isReply()) {
      out.add(CartLimits.errorReply(header, status));
    } else {
      ctx.channel().writeAndFlush(CartLimits.errorReply(header, status));
    }
    int n = (int) Math.min(skipping, in.readableBytes());
    in.skipBytes(n);
    skipping -= n;
  }

  /** Why the header at {@code at} is unacceptable, or null. */
  private String check(ByteBuf in, int at) {
    int magic = in.getUnsignedShort(at + 4);
    int version = in.getUnsignedByte(at + 6);
    int flags = in.getUnsignedByte(at + 7);
    long frameLen = in.getUnsignedInt(at);
    long body = in.getUnsignedInt(at + 32);
    long bulk = in.getUnsignedInt(at + 36);
    if (magic != RpcFrame.MAGIC) {
      return String.format("bad magic %#06x (not a CART-J peer?)", magic);
    }
    if (version != RpcFrame.WIRE_VERSION) {
      return "unsupported wire version " + version + " (this side speaks " + RpcFrame.WIRE_VERSION + ")";
    }
    if ((flags & ~RpcFrame.KNOWN_FLAGS) != 0) {
      return String.format("unknown flags %#x", flags);
    }
    if (frameLen != RpcFrame.HEADER_SIZE - RpcFrame.LENGTH_FIELD + body + bulk) {
      return "frame length " + frameLen + " disagrees with body " + body + " + bulk " + bulk;
    }
    if (((flags & RpcFrame.FLAG_BULK) != 0) != (bulk > 0)) {
      return "has-bulk flag disagrees with bulk length " + bulk;
    }
    return null;
  }

  private static RpcFrame read(ByteBuf in) {
    in.skipBytes(RpcFrame.LENGTH_FIELD + 3);
    int flags = in.readUnsignedByte();
    int opcode = in.readInt();
    long rpcId = in.readLong();
    int target = in.readInt();
    int mapVersion = in.readInt();
    int status = in.readInt();
    int body = in.readInt();
    int bulk = in.readInt();
    ByteBuf bodyBuf = in.readRetainedSlice(body);
    ByteBuf bulkBuf = in.readRetainedSlice(bulk);
    return new RpcFrame(flags, opcode, rpcId, target, mapVersion, status, bodyBuf, bulkBuf);
  }
}
