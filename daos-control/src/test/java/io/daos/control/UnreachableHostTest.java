package io.daos.control;

import static io.daos.control.TestMessages.QUERY;
import static io.daos.control.TestMessages.req;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.control.config.ControlConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.daos.control.h2c.H2cChannel;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A host whose TCP connect never completes fails in seconds, naming host:port and what to check. */
class UnreachableHostTest {
  /** grpc-java (netty, the daemons' transport) and jdaos's h2c client (dmg's insecure transport). */
  static Stream<Arguments> transports() {
    return Stream.of(Arguments.of("grpc-java", ChannelFactory.DEFAULT),
        Arguments.of("h2c", (ChannelFactory) (t, c) -> H2cChannel.forTarget(t)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void hostThatNeverAcceptsIsNamedWithinTenSeconds(String name, ChannelFactory channels) throws Exception {
    List<Socket> fillers = new ArrayList<>();
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
      // nobody accepts: once the accept queue is full the kernel drops further SYNs, as a black-holed host does
      for (int i = 0; i < 16; i++) {
        Socket s = new Socket();
        fillers.add(s);
        try {
          s.connect(addr, 300);
        } catch (SocketTimeoutException full) {
          break;
        }
      }
      String target = "127.0.0.1:" + listener.getLocalPort();
      try (ControlClient client = ControlClient.builder().config(ControlConfig.defaults()
          .withHostList(List.of(target))).insecure(true).channelFactory(channels).build()) {
        Fault f = assertTimeoutPreemptively(Duration.ofSeconds(10),
            () -> assertThrows(Fault.class, () -> client.invokeMs(QUERY, req("", "q"))));
        assertEquals(FaultCode.CLIENT_CONNECTION_TIMED_OUT, f.code(), f.getMessage());
        assertTrue(f.description().contains("no connection to " + target + " within 5s"), f.description());
        assertTrue(f.resolution().contains("daos_server is running") && f.resolution().contains("host list"),
            f.resolution());
      }
    } finally {
      for (Socket s : fillers) {
        closeQuietly(s);
      }
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // test cleanup
    }
  }
}
