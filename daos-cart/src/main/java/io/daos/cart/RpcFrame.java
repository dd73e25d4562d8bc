package io.daos.cart;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.AbstractReferenceCounted;

/**
 * One CART-J frame: the fixed header fields plus the protobuf body and the raw bulk bytes, each its own
 * {@link ByteBuf} (on the receive path, retained slices of the socket buffer — never copied).
 *
 * <p>Wire layout, big-endian, {@value #HEADER_SIZE}-byte header:
 * <pre>
 *  0  u32 frame length (bytes after this field = 36 + body + bulk)
 *  4  u16 magic 0xCA27      6  u8 wire version (1)      7  u8 flags (1 reply, 2 error, 4 has-bulk)
 *  8  u32 opcode (DAOS_RPC_OPCODE)       12 u64 rpc id
 * 20  u32 target (context) index         24 u32 map version
 * 28  i32 status (DER code; 0 on requests)
 * 32  u32 body length                    36 u32 bulk length
 * 40  body bytes, then bulk bytes
 * </pre>
 * The frame is reference counted and owns one reference to each buffer; its last release gives them back.
 */
public final class RpcFrame extends AbstractReferenceCounted {
  public static final int HEADER_SIZE = 40;
  public static final int LENGTH_FIELD = 4;
  public static final int MAGIC = 0xCA27;
  public static final int WIRE_VERSION = 1;
  public static final int FLAG_REPLY = 1;
  public static final int FLAG_ERROR = 2;
  public static final int FLAG_BULK = 4;
  public static final int KNOWN_FLAGS = FLAG_REPLY | FLAG_ERROR | FLAG_BULK;

  private final int flags;
  private final int opcode;
  private final long rpcId;
  private final int target;
  private final int mapVersion;
  private final int status;
  private final ByteBuf body;
  private final ByteBuf bulk;

  public RpcFrame(int flags, int opcode, long rpcId, int target, int mapVersion,
      int status, ByteBuf body, ByteBuf bulk) {
    this.body = body == null ? Unpooled.EMPTY_BUFFER : body;
    this.bulk = bulk == null ? Unpooled.EMPTY_BUFFER : bulk;
    this.flags = this.bulk.isReadable() ? flags | FLAG_BULK : flags & ~FLAG_BULK;
    this.opcode = opcode;
    this.rpcId = rpcId;
    this.target = target;
    this.mapVersion = mapVersion;
    this.status = status;
  }

  public static RpcFrame request(int opcode, long rpcId, int target, int mapVersion, ByteBuf body, ByteBuf bulk) {
    return new RpcFrame(0, opcode, rpcId, target, mapVersion, 0, body, bulk);
  }

  /** A reply to {@code req} with the given payload. */
  public static RpcFrame reply(RpcFrame req, int mapVersion, int status, ByteBuf body, ByteBuf bulk) {
    return new RpcFrame(FLAG_REPLY, req.opcode, req.rpcId, req.target, mapVersion, status, body, bulk);
  }

  /** A transport-level error reply (as crt_hg_reply_error_send): no payload, status is a DER code. */
  public static RpcFrame error(RpcFrame req, int mapVersion, int status) {
    return new RpcFrame(FLAG_REPLY | FLAG_ERROR, req.opcode, req.rpcId, req.target, mapVersion, status, null, null);
  }

  public int flags() {
    return flags;
  }

  public boolean isReply() {
    return (flags & FLAG_REPLY) != 0;
  }

  public boolean isError() {
    return (flags & FLAG_ERROR) != 0;
  }

  public int opcode() {
    return opcode;
  }

  public long rpcId() {
    return rpcId;
  }

  public int target() {
    return target;
  }

  public int mapVersion() {
    return mapVersion;
  }

  public int status() {
    return status;
  }

  public ByteBuf body() {
    return body;
  }

  public ByteBuf bulk() {
    return bulk;
  }

  /** Bytes on the wire. */
  public long wireSize() {
    return (long) HEADER_SIZE + body.readableBytes() + bulk.readableBytes();
  }

  @Override
  protected void deallocate() {
    body.release();
    bulk.release();
  }

  @Override
  public RpcFrame touch(Object hint) {
    body.touch(hint);
    bulk.touch(hint);
    return this;
  }

  @Override
  public String toString() {
    return "RpcFrame{" + (isReply() ? "reply" : "request") + " id=" + rpcId + " opc=" + Integer.toHexString(opcode)
        + " tgt=" + target + " map=" + mapVersion + " status=" + status + " body=" + body.readableBytes()
        + " bulk=" + bulk.readableBytes() + "}";
  }
}
