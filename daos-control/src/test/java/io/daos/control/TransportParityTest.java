package io.daos.control;

import static io.daos.control.TestMessages.QUERY;
import static io.daos.control.TestMessages.req;
import static io.daos.control.TestMessages.resp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DynamicMessage;
import io.daos.common.build.BuildInfo;
import io.daos.common.build.Component;
import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.control.errors.MsErrors;
import io.daos.control.h2c.H2cChannel;
import io.daos.control.server.DaosServerInterceptors;
import io.daos.control.server.PeerComponentResolver;
import io.grpc.InsecureChannelCredentials;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.okhttp.OkHttpChannelBuilder;
import io.grpc.stub.ServerCalls;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dmg's insecure client behaves the same on jdaos's h2c channel as on grpc-okhttp: answers, DAOS faults from the
 * server, refused and unknown hosts, deadlines, and the channel pool's view of connection state.
 */
class TransportParityTest {
  record Transport(String name, ChannelFactory factory) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Transport> transports() {
    return Stream.of(new Transport("okhttp", (t, c) -> OkHttpChannelBuilder.forTarget(t).usePlaintext().build()),
        new Transport("h2c", (t, c) -> H2cChannel.forTarget(t)));
  }

  private static Server server;
  private static volatile Function<DynamicMessage, DynamicMessage> handler;

  @BeforeAll
  static void start() throws Exception {
    ServerServiceDefinition svc = ServerServiceDefinition.builder("mgmt.MgmtSvc")
        .addMethod(QUERY, ServerCalls.asyncUnaryCall((req, obs) -> {
          DynamicMessage r = handler.apply(req);
          if (r != null) {
            obs.onNext(r);
            obs.onCompleted();
          }
        })).build();
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(DaosServerInterceptors.intercept(svc, "parity", BuildInfo.as(Component.SERVER),
            PeerComponentResolver.INSECURE)).build().start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private static ControlClient client(Transport t, String target) {
    return ControlClient.builder().hostList(List.of(target)).insecure(true).channelFactory(t.factory()).build();
  }

  private static String live() {
    return "127.0.0.1:" + server.getPort();
  }

  private static String refused() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return "127.0.0.1:" + s.getLocalPort();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void answerArrives(Transport t) {
    handler = r -> resp(0, 7, "answer to " + TestMessages.value(r));
    try (ControlClient c = client(t, live())) {
      DynamicMessage r = c.invokeMs(QUERY, req("", "q"), Duration.ofSeconds(20));
      assertEquals("answer to q", TestMessages.value(r));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void serverFaultArrivesTyped(Transport t) {
    handler = r -> {
      throw new Fault("server", FaultCode.SERVER_BAD_CONFIG, "the pool «p1» is 100% full", "free some space");
    };
    try (ControlClient c = client(t, live())) {
      Fault f = assertThrows(Fault.class, () -> c.invokeMs(QUERY, req("", "q"), Duration.ofSeconds(20)));
      assertEquals(FaultCode.SERVER_BAD_CONFIG, f.code());
      assertEquals("the pool «p1» is 100% full", f.description());
      assertEquals("free some space", f.resolution());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void refusedConnectionIsNamed(Transport t) throws Exception {
    String target = refused();
    try (ControlClient c = client(t, target)) {
      Fault f = assertThrows(Fault.class, () -> c.invokeMs(QUERY, req("", "q"), Duration.ofSeconds(20)));
      assertEquals(FaultCode.CLIENT_CONNECTION_REFUSED, f.code());
      assertEquals("no daos_server at " + target + " (connection refused)", f.description());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void unknownHostIsBadHost(Transport t) {
    try (ControlClient c = client(t, "no-such-host.invalid:10001")) {
      Throwable err = c.invokeHosts(QUERY, req("", "q"), List.of(), Duration.ofSeconds(20)).responses().get(0)
          .error();
      assertEquals(FaultCode.CLIENT_CONNECTION_BAD_HOST, assertInstanceOf(Fault.class, err).code());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void silentServerTimesOut(Transport t) {
    handler = r -> null; // never answers
    try (ControlClient c = client(t, live())) {
      Throwable err = c.invokeHosts(QUERY, req("", "q"), List.of(), Duration.ofMillis(300)).responses().get(0)
          .error();
      assertTrue(MsErrors.isTimeout(err), String.valueOf(err));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void channelPoolSeesConnectionState(Transport t) throws Exception {
    String down = refused();
    try (ChannelPool pool = new ChannelPool(t.factory(), InsecureChannelCredentials.create(), Component.ADMIN,
        BuildInfo.DAOS_VERSION)) {
      assertTrue(pool.awaitConnection(List.of(live()), Duration.ofSeconds(10)), "connected");
      assertFalse(pool.neverConnected(live()));
      assertTrue(pool.awaitConnection(List.of(down), Duration.ofSeconds(10)), "refused settles too");
      assertTrue(pool.neverConnected(down));
    }
  }
}
