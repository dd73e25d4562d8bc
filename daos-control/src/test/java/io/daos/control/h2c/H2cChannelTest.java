package io.daos.control.h2c;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import com.google.rpc.Code;
import io.grpc.CallOptions;
import io.grpc.ConnectivityState;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link H2cChannel} against grpc-java's netty server, and against peers that break HTTP/2. */
class H2cChannelTest {
  /** Raw bytes both ways, so that tests choose sizes and contents. */
  static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream in) {
      try {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };
  static final MethodDescriptor<byte[], byte[]> ECHO = method("t.T/Echo");
  /** Answers with as many octets as the request's first 4 octets say. */
  static final MethodDescriptor<byte[], byte[]> SIZED = method("t.T/Sized");
  static final MethodDescriptor<byte[], byte[]> FAIL = method("t.T/Fail");
  static final MethodDescriptor<byte[], byte[]> HANG = method("t.T/Hang");
  static final Metadata.Key<String> ASCII_KEY = Metadata.Key.of("x-daos-test", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<byte[]> BIN_KEY = Metadata.Key.of("x-daos-test-bin", Metadata.BINARY_BYTE_MARSHALLER);

  private final List<Server> servers = new ArrayList<>();
  private final List<H2cChannel> channels = new ArrayList<>();
  private final List<Metadata> seen = new CopyOnWriteArrayList<>();
  private final AtomicInteger transports = new AtomicInteger();

  static MethodDescriptor<byte[], byte[]> method(String name) {
    return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(name).setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
  }

  private Server server(int port) throws IOException {
    return server(port, NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port)));
  }

  private Server server(int port, NettyServerBuilder builder) throws IOException {
    ServerServiceDefinition svc = ServerServiceDefinition.builder("t.T")
        .addMethod(ECHO, ServerCalls.asyncUnaryCall((req, obs) -> {
          obs.onNext(req);
          obs.onCompleted();
        }))
        .addMethod(SIZED, ServerCalls.asyncUnaryCall((req, obs) -> {
          byte[] out = new byte[ByteBuffer.wrap(req).getInt()];
          for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (i * 31);
          }
          obs.onNext(out);
          obs.onCompleted();
        }))
        .addMethod(FAIL, ServerCalls.asyncUnaryCall((req, obs) -> obs.onError(StatusProto.toStatusRuntimeException(
            com.google.rpc.Status.newBuilder().setCode(Code.FAILED_PRECONDITION_VALUE)
                .setMessage("pool 5 is busy: 100% full, «retry»")
                .addDetails(Any.pack(StringValue.of("the detail"))).build()))))
        .addMethod(HANG, ServerCalls.asyncUnaryCall((req, obs) -> { }))
        .build();
    ServerInterceptor recorder = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        seen.add(headers);
        return next.startCall(call, headers);
      }
    };
    Server s = builder.addService(ServerInterceptors.intercept(svc, recorder))
        .addTransportFilter(new io.grpc.ServerTransportFilter() {
          @Override
          public io.grpc.Attributes transportReady(io.grpc.Attributes attrs) {
            transports.incrementAndGet();
            return attrs;
          }
        }).build().start();
    servers.add(s);
    return s;
  }

  private H2cChannel channel(int port) {
    H2cChannel ch = H2cChannel.forTarget("127.0.0.1:" + port);
    channels.add(ch);
    return ch;
  }

  @AfterEach
  void close() throws InterruptedException {
    for (H2cChannel ch : channels) {
      ch.shutdownNow();
      assertTrue(ch.awaitTermination(5, TimeUnit.SECONDS), ch.toString());
    }
    for (Server s : servers) {
      s.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static byte[] call(H2cChannel ch, MethodDescriptor<byte[], byte[]> m, byte[] req) {
    return ClientCalls.blockingUnaryCall(ch, m, CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS), req);
  }

  private static byte[] size(int n) {
    return ByteBuffer.allocate(4).putInt(n).array();
  }

  @Test
  void unaryCallCarriesRequestResponseAndMetadata() throws Exception {
    Server s = server(0);
    H2cChannel ch = channel(s.getPort());
    Metadata md = new Metadata();
    md.put(ASCII_KEY, "dmg");
    md.put(BIN_KEY, new byte[] {0, (byte) 0xff, 10});
    byte[] got = ClientCalls.blockingUnaryCall(io.grpc.ClientInterceptors.intercept(ch,
        io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(md)), ECHO, CallOptions.DEFAULT, "hello".getBytes());
    assertEquals("hello", new String(got, StandardCharsets.UTF_8));
    assertEquals("dmg", seen.get(0).get(ASCII_KEY));
    assertArrayEquals(new byte[] {0, (byte) 0xff, 10}, seen.get(0).get(BIN_KEY));
    assertEquals(ConnectivityState.READY, ch.getState(false));
    assertEquals(0, call(ch, ECHO, new byte[0]).length, "an empty message");
  }

  @Test
  void largeRequestsAndResponsesFlowControlled() throws Exception {
    Server s = server(0);
    H2cChannel ch = channel(s.getPort());
    for (int n : new int[] {70 * 1024, 3 << 20}) {
      byte[] req = new byte[n];
      for (int i = 0; i < n; i++) {
        req[i] = (byte) (i * 7);
      }
      assertArrayEquals(req, call(ch, ECHO, req), "echo of " + n);
      byte[] resp = call(ch, SIZED, size(n));
      assertEquals(n, resp.length);
      assertEquals((byte) ((n - 1) * 31), resp[n - 1]);
    }
    assertEquals(1, transports.get(), "all calls on one connection");
  }

  @Test
  void answerOverFourMebibytesIsResourceExhausted() throws Exception {
    Server s = server(0);
    H2cChannel ch = channel(s.getPort());
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> call(ch, SIZED, size(5 << 20)));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode(), e.getMessage());
    assertArrayEquals("after".getBytes(), call(ch, ECHO, "after".getBytes()), "the connection still serves");
  }

  @Test
  void errorStatusKeepsCodeMessageAndDetails() throws Exception {
    Server s = server(0);
    H2cChannel ch = channel(s.getPort());
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> call(ch, FAIL, new byte[1]));
    assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
    assertEquals("pool 5 is busy: 100% full, «retry»", e.getStatus().getDescription());
    com.google.rpc.Status proto = StatusProto.fromThrowable(e);
    assertEquals(StringValue.of("the detail"), proto.getDetails(0).unpack(StringValue.class));
  }

  @Test
  void deadlineExceededAgainstServerThatDoesNotAnswer() throws Exception {
    Server s = server(0);
    H2cChannel ch = channel(s.getPort());
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(ch,
        HANG, CallOptions.DEFAULT.withDeadlineAfter(200, TimeUnit.MILLISECONDS), new byte[1]));
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode(), e.getMessage());
    assertArrayEquals("x".getBytes(), call(ch, ECHO, "x".getBytes()), "the connection still serves");
  }

  @Test
  void serverSeesTheDeadline() throws Exception {
    Server s = server(0);
    H2cChannel ch = channel(s.getPort());
    call(ch, ECHO, new byte[1]);
    String timeout = seen.get(0).get(Metadata.Key.of("grpc-timeout", Metadata.ASCII_STRING_MARSHALLER));
    assertTrue(timeout != null && timeout.matches("\\d{1,8}[numSMH]"), String.valueOf(timeout));
  }

  @Test
  void refusedConnectionIsUnavailableAndTransientFailure() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    H2cChannel ch = channel(port);
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> call(ch, ECHO, new byte[1]));
    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
    assertInstanceOf(ConnectException.class, e.getStatus().getCause());
    assertEquals(ConnectivityState.TRANSIENT_FAILURE, ch.getState(false));
    Server s = server(port);
    ch.resetConnectBackoff(); // ChannelPool's call when a server may have come back
    awaitState(ch, ConnectivityState.READY);
    assertArrayEquals("up".getBytes(), call(ch, ECHO, "up".getBytes()));
    assertEquals(port, s.getPort());
  }

  /** A name with several addresses: one refusing is skipped for the next, as grpc-java's pick-first does. */
  @Test
  void refusingAddressIsSkippedForTheNext() throws Exception {
    Server s = server(0); // on 127.0.0.1 only: 127.0.0.2 (loopback too) refuses
    H2cChannel ch = H2cChannel.forTarget("daos-host:" + s.getPort(), host -> new InetAddress[] {
        InetAddress.getByAddress(host, new byte[] {127, 0, 0, 2}), InetAddress.getByAddress(host,
            new byte[] {127, 0, 0, 1})});
    channels.add(ch);
    assertArrayEquals("ok".getBytes(), call(ch, ECHO, "ok".getBytes()));
    H2cChannel only2 = H2cChannel.forTarget("daos-host:" + s.getPort(), host -> new InetAddress[] {
        InetAddress.getByAddress(host, new byte[] {127, 0, 0, 2})});
    channels.add(only2);
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> call(only2, ECHO, new byte[1]));
    assertInstanceOf(ConnectException.class, e.getStatus().getCause(), "127.0.0.2 alone refuses");
  }

  @Test
  void serverRestartBetweenCallsReconnects() throws Exception {
    Server s = server(0);
    int port = s.getPort();
    H2cChannel ch = channel(port);
    assertArrayEquals("1".getBytes(), call(ch, ECHO, "1".getBytes()));
    s.shutdown(); // GOAWAY, then the connection closes
    assertTrue(s.awaitTermination(5, TimeUnit.SECONDS));
    awaitState(ch, ConnectivityState.IDLE);
    server(port);
    assertArrayEquals("2".getBytes(), call(ch, ECHO, "2".getBytes()));
    assertEquals(2, transports.get());
  }

  @Test
  void concurrentCallsShareOneConnection() throws Exception {
    Server s = server(0);
    H2cChannel ch = channel(s.getPort());
    List<Future<byte[]>> calls = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      calls.add(ClientCalls.futureUnaryCall(ch.newCall(i % 2 == 0 ? ECHO : SIZED,
          CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS)), i % 2 == 0 ? size(i) : size(100_000 + i)));
    }
    for (int i = 0; i < calls.size(); i++) {
      byte[] got = calls.get(i).get(20, TimeUnit.SECONDS);
      assertEquals(i % 2 == 0 ? 4 : 100_000 + i, got.length, "call " + i);
    }
    assertEquals(1, transports.get());
  }

  /** The server's SETTINGS_MAX_CONCURRENT_STREAMS holds further calls back until streams end. */
  @Test
  void callsBeyondTheServersStreamLimitWait() throws Exception {
    Server s = server(0, NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .maxConcurrentCallsPerConnection(2));
    H2cChannel ch = channel(s.getPort());
    List<Future<byte[]>> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      calls.add(ClientCalls.futureUnaryCall(ch.newCall(SIZED, CallOptions.DEFAULT.withDeadlineAfter(20,
          TimeUnit.SECONDS)), size(50_000 + i)));
    }
    for (int i = 0; i < calls.size(); i++) {
      assertEquals(50_000 + i, calls.get(i).get(20, TimeUnit.SECONDS).length, "call " + i);
    }
    assertEquals(1, transports.get());
  }

  @Test
  void stateTransitionsAreReported() throws Exception {
    Server s = server(0);
    H2cChannel ch = channel(s.getPort());
    BlockingQueue<ConnectivityState> states = new LinkedBlockingQueue<>();
    watch(ch, ConnectivityState.IDLE, states);
    assertEquals(ConnectivityState.IDLE, ch.getState(false));
    ch.getState(true);
    assertEquals(ConnectivityState.CONNECTING, states.poll(5, TimeUnit.SECONDS));
    assertEquals(ConnectivityState.READY, states.poll(5, TimeUnit.SECONDS));
    ch.shutdown();
    assertEquals(ConnectivityState.SHUTDOWN, states.poll(5, TimeUnit.SECONDS));
    assertTrue(ch.awaitTermination(5, TimeUnit.SECONDS));
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> call(ch, ECHO, new byte[1]));
    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
  }

  private static void watch(H2cChannel ch, ConnectivityState from, BlockingQueue<ConnectivityState> into) {
    ch.notifyWhenStateChanged(from, () -> {
      ConnectivityState now = ch.getState(false);
      into.add(now);
      if (now != ConnectivityState.SHUTDOWN) {
        watch(ch, now, into);
      }
    });
  }

  private static void awaitState(H2cChannel ch, ConnectivityState want) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (ch.getState(false) != want) {
      CountDownLatch changed = new CountDownLatch(1);
      ch.notifyWhenStateChanged(ch.getState(false), changed::countDown);
      if (ch.getState(false) == want) {
        break;
      }
      assertTrue(changed.await(end - System.nanoTime(), TimeUnit.NANOSECONDS), "still " + ch.getState(false));
    }
  }

  /** A peer that answers the preface with something other than HTTP/2 frames. */
  @Test
  void garbageFromPeerFailsTheCallClearly() throws Exception {
    Status s = againstRawPeer(out -> out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes()));
    assertEquals(Status.Code.UNAVAILABLE, s.getCode());
    assertTrue(s.getDescription().contains("broke HTTP/2 (FRAME_SIZE_ERROR"), s.getDescription());
    assertTrue(s.getDescription().contains("closed the connection"), s.getDescription());
  }

  @Test
  void badHeaderBlockFromPeerFailsTheCall() throws Exception {
    Status s = againstRawPeer(out -> {
      out.write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0}); // SETTINGS, empty
      out.write(new byte[] {0, 0, 1, 1, 5, 0, 0, 0, 1, (byte) 0xff}); // HEADERS on stream 1: a cut integer
    });
    assertEquals(Status.Code.UNAVAILABLE, s.getCode());
    assertTrue(s.getDescription().contains("COMPRESSION_ERROR"), s.getDescription());
  }

  @Test
  void peerClosingAtOnceIsUnavailable() throws Exception {
    Status s = againstRawPeer(out -> { });
    assertEquals(Status.Code.UNAVAILABLE, s.getCode());
    assertTrue(s.getDescription().contains("closed the connection"), s.getDescription());
  }

  private static final byte[] SETTINGS = {0, 0, 0, 4, 0, 0, 0, 0, 0};

  @Test
  void streamResetByPeerMapsItsCode() throws Exception {
    Status s = againstRawPeer(out -> {
      out.write(SETTINGS);
      out.write(new byte[] {0, 0, 4, 3, 0, 0, 0, 0, 1, 0, 0, 0, 7}); // RST_STREAM 1 REFUSED_STREAM
    });
    assertEquals(Status.Code.UNAVAILABLE, s.getCode());
    assertTrue(s.getDescription().contains("REFUSED_STREAM"), s.getDescription());
  }

  @Test
  void connectionLostMidAnswerIsUnavailable() throws Exception {
    Status s = againstRawPeer(out -> {
      out.write(SETTINGS);
      byte[] ct = "application/grpc".getBytes(StandardCharsets.US_ASCII);
      // HEADERS 1, END_HEADERS: :status 200 (static 8), content-type (static 31, incremental indexing)
      out.write(new byte[] {0, 0, (byte) (3 + ct.length), 1, 4, 0, 0, 0, 1, (byte) 0x88, 0x5f, (byte) ct.length});
      out.write(ct);
      out.write(new byte[] {0, 0, 3, 0, 0, 0, 0, 0, 1, 0, 0, 0}); // DATA 1: 3 octets of a message's prefix
    });
    assertEquals(Status.Code.UNAVAILABLE, s.getCode());
    assertTrue(s.getDescription().contains("closed the connection"), s.getDescription());
  }

  private interface Script {
    void write(OutputStream out) throws IOException;
  }

  /** The peer pings; the client's PING ACK must carry the same 8 octets; then GOAWAY refuses the call's stream. */
  @Test
  void pingIsAnsweredAndGoAwayRefusesUnprocessedStreams() throws Exception {
    byte[] opaque = {1, 2, 3, 4, 5, 6, 7, 8};
    java.util.concurrent.atomic.AtomicReference<byte[]> acked = new java.util.concurrent.atomic.AtomicReference<>();
    Status s = againstRawPeer((in, out) -> {
      out.write(SETTINGS);
      out.write(new byte[] {0, 0, 8, 6, 0, 0, 0, 0, 0});
      out.write(opaque);
      out.flush();
      java.io.DataInputStream din = new java.io.DataInputStream(in);
      while (acked.get() == null) {
        byte[] head = new byte[9];
        din.readFully(head);
        byte[] payload = new byte[((head[0] & 0xff) << 16) | ((head[1] & 0xff) << 8) | (head[2] & 0xff)];
        din.readFully(payload);
        if (head[3] == 6 && (head[4] & 1) == 1) {
          acked.set(payload);
        }
      }
      out.write(new byte[] {0, 0, 8, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}); // GOAWAY last 0, NO_ERROR
    });
    assertArrayEquals(opaque, acked.get());
    assertEquals(Status.Code.UNAVAILABLE, s.getCode());
    assertTrue(s.getDescription().contains("going away (GOAWAY NO_ERROR)"), s.getDescription());
  }

  private interface TwoWayScript {
    void run(InputStream in, OutputStream out) throws IOException;
  }

  private Status againstRawPeer(Script script) throws Exception {
    return againstRawPeer((in, out) -> script.write(out));
  }

  /** Runs one call (no deadline: it must end by itself) against a peer that reads the preface and runs script. */
  private Status againstRawPeer(TwoWayScript script) throws Exception {
    try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread peer = new Thread(() -> {
        try (Socket sock = ss.accept()) {
          sock.getInputStream().readNBytes(FrameWriter.PREFACE.length);
          script.run(sock.getInputStream(), sock.getOutputStream());
          sock.getOutputStream().flush();
          sock.shutdownOutput();
          sock.getInputStream().readAllBytes(); // until the client closes
        } catch (IOException e) {
          // the client closed first
        }
      });
      peer.start();
      H2cChannel ch = channel(ss.getLocalPort());
      StatusRuntimeException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
          StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(ch, ECHO, CallOptions.DEFAULT,
              new byte[1])));
      peer.join(5000);
      return e.getStatus();
    }
  }
}
