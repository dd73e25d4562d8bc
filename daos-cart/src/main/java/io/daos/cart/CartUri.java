package io.daos.cart;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.util.List;

/**
 * A DAOS rank URI as CART-J serves it: {@code <provider>://<ip>:<port>}. Only the TCP providers select
 * CART-J; any other provider is refused with a message naming the supported ones.
 */
public final class CartUri {
  /** Providers that select CART-J (DAOS's names). */
  public static final List<String> SUPPORTED_PROVIDERS = List.of("ofi+tcp", "ofi+tcp;ofi_rxm");

  private final String provider;
  private final String host;
  private final int port;

  private CartUri(String provider, String host, int port) {
    this.provider = provider;
    this.host = host;
    this.port = port;
  }

  public static CartUri of(String provider, String host, int port) {
    checkProvider(provider);
    return new CartUri(provider, host, checkPort(port, host + ":" + port));
  }

  /** Parses {@code ofi+tcp://10.0.0.1:31416}; throws DER_INVAL with what to fix on bad input. */
  public static CartUri parse(String uri) {
    int sep = uri == null ? -1 : uri.indexOf("://");
    if (sep <= 0) {
      throw invalid(uri, "expected <provider>://<ip>:<port>, e.g. ofi+tcp://10.0.0.1:31416");
    }
    String provider = uri.substring(0, sep);
    checkProvider(provider);
    String addr = uri.substring(sep + 3);
    int colon = addr.lastIndexOf(':');
    if (colon <= 0 || colon == addr.length() - 1) {
      throw invalid(uri, "missing host or port; expected " + provider + "://<ip>:<port>");
    }
    String host = addr.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new CartUri(provider, host, checkPort(parsePort(uri, addr.substring(colon + 1)), uri));
  }

  /** Throws DER_INVAL unless {@code provider} selects CART-J. */
  public static void checkProvider(String provider) {
    if (!SUPPORTED_PROVIDERS.contains(provider)) {
      throw new DaosException(DaosStatus.INVAL, "fabric provider \"" + provider
          + "\" is not supported by the CART-J transport; set provider to one of " + SUPPORTED_PROVIDERS);
    }
  }

  private static int parsePort(String uri, String port) {
    try {
      return Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw invalid(uri, "port \"" + port + "\" is not a number");
    }
  }

  private static int checkPort(int port, String what) {
    if (port < 0 || port > 65535) {
      throw invalid(what, "port must be 0..65535");
    }
    return port;
  }

  private static DaosException invalid(String uri, String why) {
    return new DaosException(DaosStatus.INVAL, "bad CART-J URI \"" + uri + "\": " + why);
  }

  public String provider() {
    return provider;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** The same URI with another port (the bound one when 0 was asked for). */
  public CartUri withPort(int newPort) {
    return new CartUri(provider, host, newPort);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CartUri && o.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return provider + "://" + h + ":" + port;
  }
}
