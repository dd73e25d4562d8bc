package io.daos.cart.local;

import io.daos.cart.CartClient;
import io.daos.cart.CartServer;
import io.daos.cart.CartTransport;
import io.daos.cart.CartUri;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory CART-J network: servers are found by URI, frames are handed over without sockets. */
public final class LocalTransport extends CartTransport {
  private final Map<String, LocalServer> servers = new ConcurrentHashMap<>();
  private final AtomicInteger nextPort = new AtomicInteger(40000);

  @Override
  protected CartServer newServer(CartServer.Builder b) {
    return new LocalServer(this, b);
  }

  @Override
  protected CartClient newClient(CartClient.Builder b) {
    return new LocalClient(this, b);
  }

  /** Binds {@code s} at {@code uri} (port 0 picks an unused one); returns the bound URI. */
  CartUri bind(CartUri uri, LocalServer s) {
    CartUri bound = uri.port() == 0 ? uri.withPort(nextPort.getAndIncrement()) : uri;
    if (servers.putIfAbsent(bound.toString(), s) != null) {
      throw new DaosException(DaosStatus.INVAL, "CART-J cannot listen on " + bound + " (in use)");
    }
    return bound;
  }

  void unbind(CartUri uri, LocalServer s) {
    servers.remove(uri.toString(), s);
  }

  LocalServer lookup(String uri) {
    return servers.get(uri);
  }

  @Override
  public String toString() {
    return "in-memory";
  }
}
