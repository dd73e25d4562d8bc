package io.daos.cart;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * Serves CART-J RPCs at one URI. Handlers are registered per opcode and run on the executor of the
 * request's target; an opcode without a handler is answered with DER_UNREG, a target that does not exist
 * with DER_NONEXIST.
 */
public interface CartServer extends AutoCloseable {
  /** Registers the handler of {@code opcode} (before or after start); one handler per opcode. */
  CartServer register(Opcode opcode, CartHandler handler);

  /** The opcodes that have a handler. */
  java.util.Set<Integer> registered();

  /** Binds and starts serving; throws {@code DaosException} if the address cannot be bound. */
  CartServer start();

  /** The URI clients reach this server at (with the bound port when 0 was asked for). */
  String uri();

  /** Stops accepting, closes connections and releases I/O threads and owned target executors. */
  @Override
  void close();

  static Builder builder() {
    return new Builder();
  }

  /** Settings of a server; only {@link #uri(String)} is required. */
  final class Builder {
    CartTransport transport;
    String uri;
    String name = "cart";
    int targets = 1;
    IntFunction<Executor> targetExecutor;
    CartLimits limits = CartLimits.DEFAULT;
    int ioThreads = 2;
    IntSupplier mapVersion = () -> 0;
    FaultInjection faults = new FaultInjection();
    RpcCounters counters = new RpcCounters();
    PeerAuth peerAuth;

    private Builder() { }

    /**
     * Checks peers against {@code auth}: server-only opcodes are served only on connections that proved the
     * system's key ({@link io.daos.cart.auth.PeerGate}). Default none: every opcode is served from anyone.
     */
    public Builder peerAuth(PeerAuth auth) {
      this.peerAuth = auth;
      return this;
    }

    /** The key peers must prove, or null. */
    public PeerAuth peerAuth() {
      return peerAuth;
    }

    /** Required: one of {@code CartTransports}. */
    public Builder transport(CartTransport t) {
      this.transport = t;
      return this;
    }

    /** {@code ofi+tcp://<ip>:<port>} (port 0 picks a free one). */
    public Builder uri(String u) {
      this.uri = u;
      return this;
    }

    /** Prefix of logs and thread names, e.g. {@code "engine 0"}. */
    public Builder name(String n) {
      this.name = n;
      return this;
    }

    /** Number of targets (DAOS xstreams); default 1. */
    public Builder targets(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("targets must be >= 1, got " + n);
      }
      this.targets = n;
      return this;
    }

    /** Executor of each target; default one single-thread executor per target, owned by the server. */
    public Builder targetExecutor(IntFunction<Executor> perTarget) {
      this.targetExecutor = perTarget;
      return this;
    }

    public Builder limits(CartLimits l) {
      this.limits = l;
      return this;
    }

    /** Network I/O threads (they only decode and hand off); default 2. */
    public Builder ioThreads(int n) {
      this.ioThreads = n;
      return this;
    }

    /** The map version transport-level error replies carry; default 0. */
    public Builder mapVersion(IntSupplier v) {
      this.mapVersion = v;
      return this;
    }

    /** The URI asked for. */
    public String uri() {
      return uri;
    }

    /** Prefix of logs and thread names. */
    public String name() {
      return name;
    }

    /** Number of targets. */
    public int targets() {
      return targets;
    }

    /** Executor of each target, or null for owned single-thread ones. */
    public IntFunction<Executor> targetExecutor() {
      return targetExecutor;
    }

    /** Largest request body/bulk accepted. */
    public CartLimits limits() {
      return limits;
    }

    /** Network I/O threads. */
    public int ioThreads() {
      return ioThreads;
    }

    /** The map version transport-level error replies carry. */
    public IntSupplier mapVersion() {
      return mapVersion;
    }

    /** Where faults are armed for this server (default: its own, nothing armed). */
    public Builder faults(FaultInjection f) {
      this.faults = Objects.requireNonNull(f);
      return this;
    }

    /** Where this server counts the requests its handlers take (default: its own). */
    public Builder counters(RpcCounters c) {
      this.counters = Objects.requireNonNull(c);
      return this;
    }

    /** Where faults are armed for this server. */
    public FaultInjection faults() {
      return faults;
    }

    /** Where this server counts the requests its handlers take. */
    public RpcCounters counters() {
      return counters;
    }

    /** Builds on the transport given; there is no default (pick one of {@code CartTransports}). */
    public CartServer build() {
      if (uri == null) {
        throw new IllegalStateException("CartServer: uri is required (e.g. ofi+tcp://127.0.0.1:0)");
      }
      CartUri.parse(uri);
      if (transport == null) {
        throw new IllegalStateException("CartServer: transport is required (CartTransports.tcp() or .inMemory())");
      }
      return transport.newServer(this);
    }
  }
}
