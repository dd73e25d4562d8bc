package io.daos.cart;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Calls CART-J servers. One connection per endpoint, opened on first use, reused, and reopened after it
 * is lost. Futures fail with {@link DaosException}: DER_TIMEDOUT when no reply came in time, DER_UNREACH
 * when the endpoint cannot be reached or the connection is lost, the server's status for error replies.
 * Futures complete on a network thread: move heavy follow-up work elsewhere ({@code thenApplyAsync}).
 */
public interface CartClient extends AutoCloseable {
  /**
   * Sends one RPC. Takes ownership of {@code body} and {@code bulk} (null means empty); the caller owns
   * (and closes) the reply.
   */
  CompletableFuture<CartReply> call(String uri, Opcode opcode, int target, int mapVersion, ByteBuf body,
      ByteBuf bulk, Duration timeout);

  /** As {@link #call(String, Opcode, int, int, ByteBuf, ByteBuf, Duration)}; the arrays are wrapped, not copied. */
  default CompletableFuture<CartReply> callWrapped(String uri, Opcode opcode, int target, int mapVersion,
      byte[] body, ByteBuffer bulk, Duration timeout) {
    return call(uri, opcode, target, mapVersion, body == null ? null : Unpooled.wrappedBuffer(body),
        bulk == null ? null : Unpooled.wrappedBuffer(bulk), timeout);
  }

  /** Blocking wrapper: the reply, or the {@link DaosException} the call failed with. */
  default CartReply callSync(String uri, Opcode opcode, int target, int mapVersion, ByteBuf body, ByteBuf bulk,
      Duration timeout) {
    return await(call(uri, opcode, target, mapVersion, body, bulk, timeout));
  }

  /** Waits for {@code f}; rethrows its {@link DaosException}; an interrupt gives DER_CANCELED. */
  static CartReply await(CompletableFuture<CartReply> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.thenAccept(CartReply::close);
      throw new DaosException(DaosStatus.CANCELED, "interrupted while waiting for an RPC reply", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof DaosException) {
        throw (DaosException) e.getCause();
      }
      throw new DaosException(DaosStatus.MISC, "RPC failed", e.getCause());
    }
  }

  /** Closes all connections, failing what is in flight with DER_UNREACH, and releases threads. */
  @Override
  void close();

  static Builder builder() {
    return new Builder();
  }

  /** Settings of a client; all optional. */
  final class Builder {
    CartTransport transport;
    String name = "cart-client";
    CartLimits limits = CartLimits.DEFAULT;
    int ioThreads = 1;
    Duration connectTimeout = Duration.ofSeconds(5);
    PeerAuth peerAuth;
    RpcCounters counters;

    private Builder() { }

    /** Counts this client's calls into {@code c} (sent, completed, timed out, ...); default none. */
    public Builder counters(RpcCounters c) {
      this.counters = c;
      return this;
    }

    /**
     * Proves {@code auth}'s key on each new connection, once, before its first RPC (when it holds one): an engine's
     * clients. Default none: only client-facing opcodes will be served.
     */
    public Builder peerAuth(PeerAuth auth) {
      this.peerAuth = auth;
      return this;
    }

    /** The key this client proves, or null. */
    public PeerAuth peerAuth() {
      return peerAuth;
    }

    public Builder transport(CartTransport t) {
      this.transport = t;
      return this;
    }

    public Builder name(String n) {
      this.name = n;
      return this;
    }

    /** Largest reply body/bulk accepted. */
    public Builder limits(CartLimits l) {
      this.limits = l;
      return this;
    }

    public Builder ioThreads(int n) {
      this.ioThreads = n;
      return this;
    }

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = d;
      return this;
    }

    /** The client's name, prefix of its thread names. */
    public String name() {
      return name;
    }

    /** Largest reply body/bulk accepted. */
    public CartLimits limits() {
      return limits;
    }

    /** Network I/O threads. */
    public int ioThreads() {
      return ioThreads;
    }

    /** How long opening a connection may take. */
    public Duration connectTimeout() {
      return connectTimeout;
    }

    /** Builds on the transport given; there is no default (pick one of {@code CartTransports}). */
    public CartClient build() {
      if (transport == null) {
        throw new IllegalStateException("CartClient: transport is required (CartTransports.tcp() or .inMemory())");
      }
      CartClient c = transport.newClient(this);
      return counters == null ? c : new CountingClient(c, counters);
    }
  }
}
