package io.daos.cart.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.CartReply;
import io.daos.cart.CartTransport;
import io.daos.cart.CartTransportBehaviour;
import io.daos.cart.CartUri;
import io.daos.cart.transport.CartTransports;
import io.netty.channel.epoll.Epoll;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The CART-J behaviour suite over real TCP (epoll), plus what only a socket can show. */
class TcpCartTest extends CartTransportBehaviour {
  @Override
  protected CartTransport transport() {
    return CartTransports.tcp();
  }

  @Override
  protected String deadUri() throws Exception {
    return closedPortUri();
  }

  static String closedPortUri() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return "ofi+tcp://127.0.0.1:" + s.getLocalPort();
    }
  }

  @Test
  void usesEpollWhereItLoads() {
    assertEquals(Epoll.isAvailable() ? "tcp(epoll)" : "tcp(nio)", transport().toString());
  }

  @Test
  void malformedFrameClosesOnlyThatConnection() throws Exception {
    call(ECHO, 0, new byte[] {1}, null).close();
    CartUri u = CartUri.parse(server.uri());
    try (Socket raw = new Socket(u.host(), u.port())) {
      raw.setSoTimeout(5000);
      DataOutputStream out = new DataOutputStream(raw.getOutputStream());
      out.write(new byte[64]);
      out.flush();
      InputStream in = raw.getInputStream();
      assertEquals(-1, in.read(), "server closes the connection that sent garbage");
    }
    try (CartReply r = call(ECHO, 0, new byte[] {3}, null)) {
      assertEquals(3, r.body().getByte(r.body().readerIndex()), "other connections keep working");
    }
  }

  @Test
  void oneConnectionPerEndpointIsReused() {
    for (int i = 0; i < 5; i++) {
      call(ECHO, i % 4, new byte[0], null).close();
    }
    assertTrue(client instanceof NettyClient);
    assertEquals(1, ((NettyClient) client).connectionCount());
  }
}
