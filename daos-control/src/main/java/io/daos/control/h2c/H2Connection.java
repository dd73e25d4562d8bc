package io.daos.control.h2c;

import static io.daos.control.h2c.FrameWriter.ACK;
import static io.daos.control.h2c.FrameWriter.CONTINUATION;
import static io.daos.control.h2c.FrameWriter.DATA;
import static io.daos.control.h2c.FrameWriter.END_STREAM;
import static io.daos.control.h2c.FrameWriter.GOAWAY;
import static io.daos.control.h2c.FrameWriter.HEADERS;
import static io.daos.control.h2c.FrameWriter.PING;
import static io.daos.control.h2c.FrameWriter.PUSH_PROMISE;
import static io.daos.control.h2c.FrameWriter.RST_STREAM;
import static io.daos.control.h2c.FrameWriter.SETTINGS;
import static io.daos.control.h2c.FrameWriter.WINDOW_UPDATE;

import io.daos.common.DaemonThreads;
import io.grpc.Status;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One plaintext HTTP/2 connection (RFC 9113, prior knowledge) to a gRPC server, carrying any number of client
 * streams. Its own thread connects, writes the preface and SETTINGS and then reads frames; other threads open
 * streams and queue DATA. All state is guarded by {@code this}, and frames are written under it.
 */
final class H2Connection implements Runnable {
  /** A host name's addresses, in the order to try them ({@code InetAddress::getAllByName}). */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws java.net.UnknownHostException;
  }

  /** What the connection reports to its channel (on the connection's thread). */
  interface Owner {
    void ready(H2Connection c);

    /** The connection takes no new streams (closed, failed or GOAWAY); {@code everReady} tells which state. */
    void unusable(H2Connection c, boolean everReady);

    /** The socket is closed and every stream is done. */
    void terminated(H2Connection c);
  }

  /** RFC 9113 §6.9.2 and §6.5.2: the windows and frame size every peer starts with. */
  static final int DEFAULT_WINDOW = 65_535;
  static final int MAX_FRAME = 16_384;
  /** Our receive window, per stream and for the connection: a 1 MiB answer needs no round trip. */
  static final int RECEIVE_WINDOW = 1 << 20;
  static final int CONNECT_TIMEOUT_MS = 20_000;
  private static final long MAX_WINDOW = Integer.MAX_VALUE;

  private final String host;
  private final int port;
  private final String target;
  private final Resolver resolver;
  private final Owner owner;
  private final HeaderBlocks blocks = new HeaderBlocks();
  private final Map<Integer, H2Stream> streams = new HashMap<>();
  private final List<H2Stream> waiting = new ArrayList<>();
  private Socket socket;
  private FrameWriter out;
  private int nextId = 1;
  private boolean ready;
  private boolean everReady;
  private boolean goingAway;
  private Status failed;
  private Status writeFailure;
  private static final int NEWS_READY = 1;
  private static final int NEWS_AWAY = 2;
  private int announce;
  private long sendWindow = DEFAULT_WINDOW;
  private int peerInitialWindow = DEFAULT_WINDOW;
  private int peerMaxFrame = MAX_FRAME;
  private long peerMaxStreams = Long.MAX_VALUE;
  private int connUnacked;

  H2Connection(String host, int port, String target, Resolver resolver, Owner owner) {
    this.host = host;
    this.resolver = resolver;
    this.port = port;
    this.target = target;
    this.owner = owner;
  }

  void start() {
    DaemonThreads.start("h2c " + target, this);
  }

  @Override
  public void run() {
    Status end;
    try {
      DataInputStream in = connect();
      if (in != null) {
        readLoop(in);
      }
      end = Status.UNAVAILABLE.withDescription("h2c: connection to " + target + " closed");
    } catch (H2Error e) {
      end = protocolError(e);
    } catch (EOFException e) {
      end = Status.UNAVAILABLE.withDescription("h2c: the server at " + target + " closed the connection"
          + (everReady() ? "" : " before it spoke HTTP/2")).withCause(e);
    } catch (IOException e) {
      end = Status.UNAVAILABLE.withDescription("h2c: " + (everReady() ? "connection to " : "cannot connect to ")
          + target + ": " + e.getMessage()).withCause(e);
    }
    synchronized (this) {
      end = writeFailure != null ? writeFailure : end;
    }
    close(end);
  }

  /** Opens {@code st} when the connection is ready and the server allows another stream; false if unusable. */
  synchronized boolean open(H2Stream st) {
    if (failed != null || goingAway) {
      return false;
    }
    waiting.add(st);
    openWaiting();
    return true;
  }

  synchronized boolean usable() {
    return failed == null && !goingAway;
  }

  /** Queues DATA (the gRPC-framed message; empty with {@code end} for the half-close) for {@code st}. */
  synchronized void send(H2Stream st, byte[] data, boolean end) {
    st.queue(data, end);
    if (st.id != 0 && streams.get(st.id) == st) {
      guarded(() -> {
        flush(st);
        out.flush();
      });
    }
  }

  /** Drops {@code st}: a stream not yet opened is forgotten, an open one reset with {@code errorCode}. */
  synchronized void cancel(H2Stream st, int errorCode) {
    if (waiting.remove(st)) {
      return;
    }
    if (st.id != 0 && streams.remove(st.id) == st) {
      guarded(() -> {
        out.int32Frame(RST_STREAM, st.id, errorCode);
        out.flush();
      });
      streamDone();
    }
  }

  /** No new streams; the connection closes once those it has are done (channel shutdown). */
  synchronized void shutdown() {
    goingAway = true;
    if (streams.isEmpty() && waiting.isEmpty()) {
      closeSocket();
    }
  }

  private synchronized boolean everReady() {
    return everReady;
  }

  /** Connects to the host's addresses in the resolver's order until one accepts, then sends the preface. */
  private DataInputStream connect() throws IOException {
    Socket s = null;
    IOException last = null;
    for (InetAddress a : resolver.resolve(host)) {
      try {
        s = connect(new InetSocketAddress(a, port));
        break;
      } catch (IOException e) {
        last = e;
      }
    }
    if (s == null) {
      if (!usable()) {
        return null;
      }
      throw last;
    }
    synchronized (this) {
      out = new FrameWriter(new BufferedOutputStream(s.getOutputStream(), MAX_FRAME + 9));
      out.preface(RECEIVE_WINDOW);
      out.int32Frame(WINDOW_UPDATE, 0, RECEIVE_WINDOW - DEFAULT_WINDOW);
      out.flush();
    }
    return new DataInputStream(new BufferedInputStream(s.getInputStream(), 4 * MAX_FRAME));
  }

  /** One address; the socket is ours to close (shutdown, close) from the start, so a hung connect ends too. */
  private Socket connect(InetSocketAddress addr) throws IOException {
    Socket s = new Socket();
    synchronized (this) {
      if (failed != null || goingAway) {
        s.close();
        throw new java.net.SocketException("h2c: the connection to " + target + " was closed while connecting");
      }
      socket = s;
    }
    try {
      s.setTcpNoDelay(true);
      s.connect(addr, CONNECT_TIMEOUT_MS);
      return s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  private void readLoop(DataInputStream in) throws IOException {
    byte[] head = new byte[9];
    boolean first = true;
    while (true) {
      in.readFully(head);
      int len = ((head[0] & 0xff) << 16) | ((head[1] & 0xff) << 8) | (head[2] & 0xff);
      int type = head[3] & 0xff;
      int flags = head[4] & 0xff;
      int id = (((head[5] & 0x7f) << 24) | ((head[6] & 0xff) << 16) | ((head[7] & 0xff) << 8) | (head[8] & 0xff));
      if (len > MAX_FRAME) {
        throw new H2Error(H2Error.FRAME_SIZE_ERROR, "a frame of " + len + " octets (type " + type
            + "), over the " + MAX_FRAME + " we allow");
      }
      if (first && (type != SETTINGS || (flags & ACK) != 0)) {
        throw new H2Error(H2Error.PROTOCOL_ERROR, "its first frame (type " + type + ") is not SETTINGS");
      }
      first = false;
      byte[] payload = new byte[len];
      in.readFully(payload);
      int news;
      synchronized (this) {
        if (blocks.open() && type != CONTINUATION) {
          throw new H2Error(H2Error.PROTOCOL_ERROR, "frame type " + type + " inside a header block");
        }
        frameIn(type, flags, id, payload);
        out.flush();
        news = announce;
        announce = 0;
      }
      tellOwner(news);
    }
  }

  /** The channel hears of readiness and GOAWAY outside our lock: it calls us holding its own. */
  private void tellOwner(int news) {
    if ((news & NEWS_READY) != 0) {
      owner.ready(this);
    }
    if ((news & NEWS_AWAY) != 0) {
      owner.unusable(this, true);
    }
  }

  private void frameIn(int type, int flags, int id, byte[] p) throws IOException {
    switch (type) {
      case DATA -> data(flags, id, p);
      case HEADERS -> deliver(blocks.headers(flags, id, p));
      case CONTINUATION -> deliver(blocks.continuation(flags, id, p));
      case RST_STREAM -> reset(id, p);
      case SETTINGS -> settings(flags, id, p);
      case PING -> ping(flags, id, p);
      case GOAWAY -> goAway(id, p);
      case WINDOW_UPDATE -> windowUpdate(id, p);
      case PUSH_PROMISE -> throw new H2Error(H2Error.PROTOCOL_ERROR, "PUSH_PROMISE, though we disabled push");
      default -> {
        // PRIORITY and unknown types carry nothing for us (RFC 9113 §5.5)
      }
    }
  }

  private void data(int flags, int id, byte[] p) throws IOException {
    int off = HeaderBlocks.payloadStart(flags, p, id);
    int len = p.length - off - HeaderBlocks.padLength(flags, p);
    connUnacked += p.length;
    if (connUnacked >= RECEIVE_WINDOW / 2) {
      out.int32Frame(WINDOW_UPDATE, 0, connUnacked);
      connUnacked = 0;
    }
    H2Stream st = stream(id, "DATA");
    if (st == null) {
      return;
    }
    boolean end = (flags & END_STREAM) != 0;
    st.recvUnacked += p.length;
    if (st.recvUnacked > RECEIVE_WINDOW) {
      throw new H2Error(H2Error.FLOW_CONTROL_ERROR, "stream " + id + " sent beyond its window");
    }
    if (!end && st.recvUnacked >= RECEIVE_WINDOW / 2) {
      out.int32Frame(WINDOW_UPDATE, id, st.recvUnacked);
      st.recvUnacked = 0;
    }
    if (end) {
      remove(st);
    }
    st.handler.onData(p, off, len, end);
  }

  private void deliver(HeaderBlocks.Block b) throws H2Error {
    if (b == null) {
      return;
    }
    H2Stream st = stream(b.stream(), "HEADERS");
    if (st == null) {
      return;
    }
    if (b.endStream()) {
      remove(st);
    }
    st.handler.onHeaders(b.fields(), b.endStream());
  }

  private void reset(int id, byte[] p) throws IOException {
    if (id == 0 || p.length != 4) {
      throw new H2Error(id == 0 ? H2Error.PROTOCOL_ERROR : H2Error.FRAME_SIZE_ERROR, "malformed RST_STREAM");
    }
    H2Stream st = stream(id, "RST_STREAM");
    if (st != null) {
      remove(st);
      st.handler.onReset(FrameWriter.int32(p, 0) & 0xffffffffL);
    }
  }

  private void settings(int flags, int id, byte[] p) throws IOException {
    if (id != 0 || p.length % 6 != 0 || ((flags & ACK) != 0 && p.length != 0)) {
      throw new H2Error(id != 0 ? H2Error.PROTOCOL_ERROR : H2Error.FRAME_SIZE_ERROR, "malformed SETTINGS");
    }
    if ((flags & ACK) != 0) {
      return;
    }
    for (int i = 0; i < p.length; i += 6) {
      applySetting(((p[i] & 0xff) << 8) | (p[i + 1] & 0xff), FrameWriter.int32(p, i + 2) & 0xffffffffL);
    }
    out.frame(SETTINGS, ACK, 0, p, 0, 0);
    if (!ready) {
      ready = true;
      everReady = true;
      announce |= NEWS_READY;
    }
    openWaiting();
    flushAll();
  }

  private void applySetting(int key, long value) throws H2Error {
    switch (key) {
      case 0x3 -> peerMaxStreams = value;
      case 0x4 -> {
        if (value > MAX_WINDOW) {
          throw new H2Error(H2Error.FLOW_CONTROL_ERROR, "SETTINGS_INITIAL_WINDOW_SIZE " + value);
        }
        long delta = value - peerInitialWindow;
        peerInitialWindow = (int) value;
        for (H2Stream st : streams.values()) {
          st.sendWindow += delta;
        }
      }
      case 0x5 -> {
        if (value < MAX_FRAME || value > 0xffffff) {
          throw new H2Error(H2Error.PROTOCOL_ERROR, "SETTINGS_MAX_FRAME_SIZE " + value);
        }
        peerMaxFrame = (int) value;
      }
      default -> {
        // header table size (we never index), push, header list size, unknown settings: nothing to do
      }
    }
  }

  private void ping(int flags, int id, byte[] p) throws IOException {
    if (id != 0 || p.length != 8) {
      throw new H2Error(id != 0 ? H2Error.PROTOCOL_ERROR : H2Error.FRAME_SIZE_ERROR, "malformed PING");
    }
    if ((flags & ACK) == 0) {
      out.frame(PING, ACK, 0, p, 0, 8);
    }
  }

  /** RFC 9113 §6.8: streams above the last one the server processed failed before it saw them. */
  private void goAway(int id, byte[] p) throws IOException {
    if (id != 0 || p.length < 8) {
      throw new H2Error(H2Error.PROTOCOL_ERROR, "malformed GOAWAY");
    }
    int last = FrameWriter.int32(p, 0) & 0x7fffffff;
    long code = FrameWriter.int32(p, 4) & 0xffffffffL;
    String debug = new String(p, 8, p.length - 8, StandardCharsets.UTF_8);
    Status s = Status.UNAVAILABLE.withDescription("h2c: the server at " + target + " is going away (GOAWAY "
        + H2Error.name(code) + (debug.isEmpty() ? "" : ": " + debug) + ")");
    goingAway = true;
    announce |= NEWS_AWAY;
    List<H2Stream> refused = new ArrayList<>(waiting);
    waiting.clear();
    for (H2Stream st : List.copyOf(streams.values())) {
      if (st.id > last) {
        streams.remove(st.id);
        refused.add(st);
      }
    }
    refused.forEach(st -> st.handler.onFailure(s));
    if (streams.isEmpty()) {
      closeSocket();
    }
  }

  private void windowUpdate(int id, byte[] p) throws IOException {
    if (p.length != 4) {
      throw new H2Error(H2Error.FRAME_SIZE_ERROR, "WINDOW_UPDATE of " + p.length + " octets");
    }
    int inc = FrameWriter.int32(p, 0) & 0x7fffffff;
    if (inc == 0) {
      throw new H2Error(H2Error.PROTOCOL_ERROR, "WINDOW_UPDATE of 0 on stream " + id);
    }
    if (id == 0) {
      sendWindow += inc;
      if (sendWindow > MAX_WINDOW) {
        throw new H2Error(H2Error.FLOW_CONTROL_ERROR, "connection window over 2^31-1");
      }
      flushAll();
      return;
    }
    H2Stream st = streams.get(id);
    if (st != null) {
      st.sendWindow += inc;
      flush(st);
    }
  }

  /** The open stream {@code id}; null for one we closed; a frame on a stream never opened is an error. */
  private H2Stream stream(int id, String frame) throws H2Error {
    H2Stream st = streams.get(id);
    if (st == null && (id % 2 == 0 || id >= nextId)) {
      throw new H2Error(H2Error.PROTOCOL_ERROR, frame + " on stream " + id + ", which we never opened");
    }
    return st;
  }

  private void remove(H2Stream st) {
    streams.remove(st.id);
    streamDone();
  }

  private void streamDone() {
    if (goingAway && streams.isEmpty() && waiting.isEmpty()) {
      closeSocket();
    } else {
      openWaiting();
    }
  }

  private void openWaiting() {
    if (!ready || failed != null) {
      return;
    }
    guarded(() -> {
      while (!waiting.isEmpty() && streams.size() < peerMaxStreams) {
        H2Stream st = waiting.remove(0);
        st.id = nextId;
        nextId += 2;
        st.sendWindow = peerInitialWindow;
        streams.put(st.id, st);
        out.headers(st.id, st.headerBlock, peerMaxFrame);
        flush(st);
      }
      out.flush();
    });
  }

  private void flushAll() throws IOException {
    for (H2Stream st : List.copyOf(streams.values())) {
      flush(st);
    }
  }

  /** Sends what the windows allow of {@code st}'s queued DATA, and END_STREAM once all of it is out. */
  private void flush(H2Stream st) throws IOException {
    byte[] buf = null;
    while (st.pending() > 0) {
      long n = Math.min(Math.min(st.pending(), peerMaxFrame), Math.min(sendWindow, st.sendWindow));
      if (n <= 0) {
        return;
      }
      buf = buf == null ? new byte[(int) Math.min(st.pending(), peerMaxFrame)] : buf;
      int k = st.take(buf, (int) n);
      sendWindow -= k;
      st.sendWindow -= k;
      boolean end = st.endDue();
      out.frame(DATA, end ? END_STREAM : 0, st.id, buf, 0, k);
      if (end) {
        st.endSent();
      }
    }
    if (st.endDue()) {
      out.frame(DATA, END_STREAM, st.id, new byte[0], 0, 0);
      st.endSent();
    }
  }

  private Status protocolError(H2Error e) {
    synchronized (this) {
      if (out != null && failed == null) {
        try {
          out.goAway(0, e.code()); // last stream 0: we never accept streams the server starts
          out.flush();
        } catch (IOException ignored) {
          // the connection is being closed for the error anyway
        }
      }
    }
    return Status.UNAVAILABLE.withDescription("h2c: the server at " + target + " broke HTTP/2 ("
        + H2Error.name(e.code()) + ": " + e.getMessage() + "); the client closed the connection").withCause(e);
  }

  /** Fails every stream with {@code s} and closes the socket; later opens are refused. */
  void close(Status s) {
    List<H2Stream> all;
    boolean wasReady;
    synchronized (this) {
      if (failed != null) {
        return;
      }
      failed = s;
      wasReady = everReady;
      all = new ArrayList<>(waiting);
      all.addAll(streams.values());
      waiting.clear();
      streams.clear();
      closeSocket();
    }
    owner.unusable(this, wasReady);
    all.forEach(st -> st.handler.onFailure(s));
    owner.terminated(this);
  }

  private void closeSocket() {
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException ignored) {
      // closing: nothing more to do with it
    }
  }

  /**
   * Runs a write; an I/O error closes the socket, and the reader thread, which then fails, reports this error to
   * every stream.
   */
  private void guarded(IoAction a) {
    try {
      a.run();
    } catch (IOException e) {
      if (writeFailure == null) {
        writeFailure = Status.UNAVAILABLE.withDescription("h2c: cannot write to " + target + ": "
            + e.getMessage()).withCause(e);
      }
      closeSocket();
    }
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }
}
