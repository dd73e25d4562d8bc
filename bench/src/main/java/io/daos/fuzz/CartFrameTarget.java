package io.daos.fuzz;

import io.daos.cart.DaosModule;
import io.daos.cart.Opcode;
import io.daos.cart.RpcFrame;
import io.daos.rpc.ContRpc;
import io.daos.rpc.MgmtRpc;
import io.daos.rpc.ObjRpc;
import io.daos.rpc.PoolRpc;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.Set;

/**
 * Hostile CART-J frames to an engine's fabric port. Well-framed requests (kept on one connection while the engine
 * keeps it) carry random opcodes, targets, map versions, bodies and small bulks; each is due a reply with its rpc id.
 * Opcodes that read get random bodies; every other known opcode gets a body that never decodes, so nothing in the
 * system is created, changed or removed. Oversize announcements (a body over 4 MiB or a bulk over 64 MiB) are due an
 * error reply for that frame alone, the connection staying open. Broken headers (bad magic, version, flags or
 * lengths, raw bytes) are each sent on a connection of their own, which the engine is due to close.
 */
final class CartFrameTarget implements Target {
  /** Opcodes whose handlers only read: they get fully random bodies. */
  private static final Set<Integer> READS = Set.of(
      DaosModule.POOL.opcode(PoolRpc.OP_CONNECT).code(), DaosModule.POOL.opcode(PoolRpc.OP_QUERY).code(),
      DaosModule.POOL.opcode(PoolRpc.OP_QUERY_INFO).code(), DaosModule.POOL.opcode(PoolRpc.OP_ATTR_LIST).code(),
      DaosModule.POOL.opcode(PoolRpc.OP_ATTR_GET).code(), DaosModule.POOL.opcode(PoolRpc.OP_LIST_CONT).code(),
      DaosModule.POOL.opcode(PoolRpc.OP_PROP_GET).code(), DaosModule.POOL.opcode(PoolRpc.OP_TGT_QUERY_MAP).code(),
      DaosModule.CONT.opcode(ContRpc.OP_OPEN).code(), DaosModule.CONT.opcode(ContRpc.OP_QUERY).code(),
      DaosModule.CONT.opcode(ContRpc.OP_ATTR_LIST).code(), DaosModule.CONT.opcode(ContRpc.OP_ATTR_GET).code(),
      DaosModule.CONT.opcode(ContRpc.OP_SNAP_LIST).code(), ObjRpc.FETCH.code(), ObjRpc.DKEY_ENUMERATE.code(),
      ObjRpc.AKEY_ENUMERATE.code(), ObjRpc.RECX_ENUMERATE.code(), ObjRpc.QUERY_KEY.code(),
      MgmtRpc.POOL_GET_SVCRANKS.code(), MgmtRpc.POOL_FIND.code());

  private final String host;
  private final int port;
  private Socket sock;
  private DataInputStream in;
  private long rpcId;

  CartFrameTarget(String host, int port) {
    this.host = host;
    this.port = port;
  }

  @Override
  public String name() {
    return "cart-j frames -> engine";
  }

  @Override
  public Outcome feed(Random r) throws IOException {
    int pick = r.nextInt(10);
    if (pick < 2) {
      return broken(r);
    }
    try {
      connect();
      if (pick == 2) {
        return oversize(r);
      }
      long id = ++rpcId;
      boolean replyFlag = r.nextInt(50) == 0;
      send(frame(r, replyFlag ? RpcFrame.FLAG_REPLY : 0, opcode(r), id));
      if (replyFlag) {
        return Outcome.NO_ANSWER_DUE; // a reply sent as a request is dropped, as DAOS drops it
      }
      return awaitReply(id);
    } catch (SocketTimeoutException e) {
      close();
      return Outcome.TIMED_OUT;
    } catch (IOException e) {
      close();
      return Outcome.UNEXPECTED_CLOSE;
    }
  }

  private int opcode(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> r.nextInt();
      case 1 -> READS.stream().skip(r.nextInt(READS.size())).findFirst().orElseThrow();
      default -> {
        DaosModule[] mods = DaosModule.values();
        DaosModule m = mods[r.nextInt(mods.length)];
        yield Opcode.of(m.id(), r.nextInt(8) == 0 ? r.nextInt(256) : m.version(), r.nextInt(40)).code();
      }
    };
  }

  private byte[] frame(Random r, int flags, int opcode, long id) {
    byte[] body = READS.contains(opcode) || r.nextInt(20) == 0 && !known(opcode) ? Junk.body(r) : Junk.undecodable(r);
    byte[] bulk = r.nextInt(5) == 0 ? Junk.bytes(r, 1 + r.nextInt(4096)) : new byte[0];
    if (bulk.length > 0) {
      flags |= RpcFrame.FLAG_BULK;
    }
    int target = r.nextInt(4) == 0 ? r.nextInt() : r.nextInt(4);
    int mapVersion = r.nextInt(4) == 0 ? r.nextInt() : r.nextInt(3);
    return header(RpcFrame.HEADER_SIZE - RpcFrame.LENGTH_FIELD + body.length + bulk.length, RpcFrame.MAGIC,
        RpcFrame.WIRE_VERSION, flags, opcode, id, target, mapVersion, body.length, bulk.length, body, bulk);
  }

  /** A frame of a module this engine serves: only reading ones get bodies that may decode. */
  private static boolean known(int opcode) {
    int module = Opcode.fromCode(opcode).module();
    for (DaosModule m : DaosModule.values()) {
      if (m.id() == module) {
        return true;
      }
    }
    return false;
  }

  /** A header announcing a body over 4 MiB or a bulk over 64 MiB: an error reply is due, the connection stays. */
  private Outcome oversize(Random r) throws IOException {
    long id = ++rpcId;
    boolean bigBody = r.nextBoolean();
    long body = bigBody ? (4L << 20) + 1 + r.nextInt(1 << 20) : 0;
    long bulk = bigBody ? 0 : (64L << 20) + 1 + r.nextInt(1 << 20);
    int flags = bulk > 0 ? RpcFrame.FLAG_BULK : 0;
    send(header(RpcFrame.HEADER_SIZE - RpcFrame.LENGTH_FIELD + body + bulk, RpcFrame.MAGIC, RpcFrame.WIRE_VERSION,
        flags, ObjRpc.UPDATE.code(), id, 0, 1, body, bulk, new byte[0], new byte[0]));
    Outcome o = awaitReply(id);
    close(); // the engine now skips the announced bytes, which are never sent: start afresh
    return o;
  }

  /** A broken header on a connection of its own: the engine is due to close it. */
  private Outcome broken(Random r) throws IOException {
    byte[] f;
    if (r.nextBoolean()) {
      f = Junk.bytes(r, RpcFrame.HEADER_SIZE + r.nextInt(200));
    } else {
      int which = r.nextInt(4);
      int magic = which == 0 ? RpcFrame.MAGIC ^ (1 + r.nextInt(0xffff)) : RpcFrame.MAGIC;
      int version = which == 1 ? RpcFrame.WIRE_VERSION + 1 + r.nextInt(254) : RpcFrame.WIRE_VERSION;
      int flags = which == 2 ? 8 << r.nextInt(5) : 0;
      long len = which == 3 ? r.nextInt() & 0xffffffffL : RpcFrame.HEADER_SIZE - RpcFrame.LENGTH_FIELD;
      f = header(len, magic, version, flags, r.nextInt(), 1, 0, 0, 0, 0, new byte[0], new byte[0]);
      if (which == 3 && len == RpcFrame.HEADER_SIZE - RpcFrame.LENGTH_FIELD) {
        f[3] ^= 1;
      }
    }
    try (Socket s = open()) {
      s.getOutputStream().write(f);
      return s.getInputStream().read(new byte[4096]) < 0 ? Outcome.CLOSED : drainToClose(s);
    } catch (SocketTimeoutException e) {
      return Outcome.TIMED_OUT;
    } catch (IOException e) {
      return Outcome.CLOSED; // reset by the engine
    }
  }

  private static Outcome drainToClose(Socket s) throws IOException {
    byte[] b = new byte[4096];
    while (s.getInputStream().read(b) >= 0) {
      // an error reply may come before the close
    }
    return Outcome.CLOSED;
  }

  private static byte[] header(long frameLen, int magic, int version, int flags, int opcode, long id, int target,
      int mapVersion, long body, long bulk, byte[] bodyBytes, byte[] bulkBytes) {
    ByteBuffer b = ByteBuffer.allocate(RpcFrame.HEADER_SIZE + bodyBytes.length + bulkBytes.length);
    b.putInt((int) frameLen).putShort((short) magic).put((byte) version).put((byte) flags).putInt(opcode)
        .putLong(id).putInt(target).putInt(mapVersion).putInt(0).putInt((int) body).putInt((int) bulk)
        .put(bodyBytes).put(bulkBytes);
    return b.array();
  }

  /** Reads frames until the reply to {@code id}; an error flag or a non-zero status is an error answer. */
  private Outcome awaitReply(long id) throws IOException {
    while (true) {
      int len = in.readInt();
      byte[] rest = new byte[len];
      in.readFully(rest);
      ByteBuffer f = ByteBuffer.wrap(rest);
      int flags = f.get(3) & 0xff;
      long got = f.getLong(8);
      int status = f.getInt(24);
      if (got == id) {
        return (flags & RpcFrame.FLAG_ERROR) != 0 || status != 0 ? Outcome.ERROR_ANSWER : Outcome.ANSWERED;
      }
    }
  }

  private void connect() throws IOException {
    if (sock == null) {
      sock = open();
      in = new DataInputStream(new java.io.BufferedInputStream(sock.getInputStream()));
    }
  }

  private Socket open() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress(host, port), 10_000);
    s.setSoTimeout(10_000);
    s.setTcpNoDelay(true);
    return s;
  }

  private void send(byte[] frame) throws IOException {
    OutputStream out = sock.getOutputStream();
    out.write(frame);
    out.flush();
  }

  @Override
  public void close() {
    if (sock != null) {
      try {
        sock.close();
      } catch (IOException e) {
        // closing
      }
      sock = null;
    }
  }
}
