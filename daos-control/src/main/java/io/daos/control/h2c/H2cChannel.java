package io.daos.control.h2c;

import io.daos.common.DaemonThreads;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC channel to one {@code host:port} over plaintext HTTP/2 (h2c with prior knowledge), for unary calls: one
 * connection at a time, opened on the first call (or {@code getState(true)}) and shared by all calls. Its state
 * follows gRPC's connectivity semantics: IDLE, CONNECTING, READY; TRANSIENT_FAILURE when a connect fails (the next
 * call or {@link #resetConnectBackoff} connects again at once); IDLE again when a ready connection is lost or
 * the server sends GOAWAY (the next call reconnects); SHUTDOWN.
 */
public final class H2cChannel extends ManagedChannel implements H2Connection.Owner {
  /** The environment variable that picks the insecure transport: {@code h2c} or {@code grpc-java}. */
  public static final String TRANSPORT_ENV = "JDAOS_GRPC_TRANSPORT";

  private final String target;
  private final String host;
  private final int port;
  private final H2Connection.Resolver resolver;
  private final Executor executor;
  private final List<Watcher> watchers = new ArrayList<>();
  private final Set<H2Connection> live = new HashSet<>();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private ConnectivityState state = ConnectivityState.IDLE;
  private H2Connection current;
  private boolean shutdown;

  private record Watcher(Runnable callback, Executor executor) {
  }

  private H2cChannel(String target, String host, int port, H2Connection.Resolver resolver, Executor executor) {
    this.target = target;
    this.resolver = resolver;
    this.host = host;
    this.port = port;
    this.executor = executor;
  }

  /**
   * Looks up {@code target}'s host ahead of a channel to it, so that a caller with a second thread can take the
   * resolver's first use (its set-up and the lookup; the JDK caches the answer for the connection) off its own
   * path. Returns its addresses; throws as {@link InetAddress#getAllByName} and for a target that is not
   * {@code host:port}.
   */
  public static InetAddress[] resolveAhead(String target) throws java.net.UnknownHostException {
    return InetAddress.getAllByName(host(target));
  }

  /** The host of {@code host:port} or {@code [v6]:port}. */
  private static String host(String target) {
    int colon = target.lastIndexOf(':');
    if (colon <= 0 || colon == target.length() - 1) {
      throw new IllegalArgumentException("h2c target " + target + " is not host:port");
    }
    String host = target.substring(0, colon);
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** A channel to {@code target} ({@code host:port} or {@code [v6]:port}); listeners run on a shared pool. */
  public static H2cChannel forTarget(String target) {
    return forTarget(target, InetAddress::getAllByName);
  }

  /** As {@link #forTarget(String)}, the host's addresses from {@code resolver} (tried in its order). */
  static H2cChannel forTarget(String target, H2Connection.Resolver resolver) {
    String host = host(target);
    int colon = target.lastIndexOf(':');
    int port;
    try {
      port = Integer.parseInt(target.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("h2c target " + target + " has no numeric port", e);
    }
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("h2c target " + target + ": port out of range");
    }
    return new H2cChannel(target, host, port, resolver, Shared.CALLBACKS);
  }

  /**
   * True if insecure channels should be ours: {@code JDAOS_GRPC_TRANSPORT} is {@code h2c}, or it is unset and
   * grpc-java's netty transport is absent (dmg ships only okhttp, whose start-up costs a short command most).
   */
  public static boolean chosen(String env, boolean nettyPresent) {
    if (env == null || env.isBlank()) {
      return !nettyPresent;
    }
    return switch (env.trim().toLowerCase(Locale.ROOT)) {
      case "h2c" -> true;
      case "grpc-java", "okhttp", "netty" -> false;
      default -> throw new IllegalArgumentException(TRANSPORT_ENV + "=" + env + " is not a transport: set it to "
          + "h2c (jdaos's plaintext HTTP/2 client) or grpc-java (okhttp or netty, whichever is installed), or "
          + "unset it");
    };
  }

  /** The deadline timer of every call. */
  static ScheduledExecutorService timers() {
    return Shared.TIMERS;
  }

  @Override
  public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
    return new H2cCall<>(this, method, options, executor);
  }

  @Override
  public String authority() {
    return target;
  }

  /**
   * Puts {@code st} on the current connection, or on a new one (started after {@code st} is on it, so that a
   * connection that fails at once fails {@code st} too, not another attempt); null once shut down.
   */
  synchronized H2Connection open(H2Stream st) {
    if (shutdown) {
      return null;
    }
    if (current != null && current.open(st)) {
      return current;
    }
    H2Connection c = newConnection();
    c.open(st);
    c.start();
    return c;
  }

  private void connect() {
    if (current == null || !current.usable()) {
      newConnection().start();
    }
  }

  private H2Connection newConnection() {
    current = new H2Connection(host, port, target, resolver, this);
    live.add(current);
    setState(ConnectivityState.CONNECTING);
    return current;
  }

  @Override
  public synchronized void ready(H2Connection c) {
    if (c == current && !shutdown) {
      setState(ConnectivityState.READY);
    }
  }

  @Override
  public synchronized void unusable(H2Connection c, boolean everReady) {
    if (c == current) {
      current = null;
      if (!shutdown) {
        setState(everReady ? ConnectivityState.IDLE : ConnectivityState.TRANSIENT_FAILURE);
      }
    }
  }

  @Override
  public synchronized void terminated(H2Connection c) {
    live.remove(c);
    if (shutdown && live.isEmpty()) {
      terminated.countDown();
    }
  }

  @Override
  public synchronized ConnectivityState getState(boolean requestConnection) {
    if (requestConnection && state == ConnectivityState.IDLE && !shutdown) {
      connect();
    }
    return state;
  }

  @Override
  public synchronized void notifyWhenStateChanged(ConnectivityState source, Runnable callback) {
    if (source != state) {
      executor.execute(callback);
    } else {
      watchers.add(new Watcher(callback, executor));
    }
  }

  @Override
  public synchronized void resetConnectBackoff() {
    if (state == ConnectivityState.TRANSIENT_FAILURE && !shutdown) {
      connect();
    }
  }

  @Override
  public void enterIdle() {
    H2Connection c;
    synchronized (this) {
      c = current;
      current = null;
      if (c != null && !shutdown) {
        setState(ConnectivityState.IDLE);
      }
    }
    if (c != null) {
      c.shutdown();
    }
  }

  private void setState(ConnectivityState s) {
    if (s == state || state == ConnectivityState.SHUTDOWN) {
      return;
    }
    state = s;
    List<Watcher> fire = List.copyOf(watchers);
    watchers.clear();
    for (Watcher w : fire) {
      w.executor().execute(w.callback());
    }
  }

  @Override
  public ManagedChannel shutdown() {
    List<H2Connection> all;
    synchronized (this) {
      if (!shutdown) {
        shutdown = true;
        current = null;
        setState(ConnectivityState.SHUTDOWN);
      }
      all = List.copyOf(live);
      if (all.isEmpty()) {
        terminated.countDown();
      }
    }
    all.forEach(H2Connection::shutdown);
    return this;
  }

  @Override
  public ManagedChannel shutdownNow() {
    shutdown();
    List<H2Connection> all;
    synchronized (this) {
      all = List.copyOf(live);
    }
    all.forEach(c -> c.close(io.grpc.Status.UNAVAILABLE.withDescription("h2c: the channel to " + target
        + " was shut down")));
    return this;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return terminated.getCount() == 0;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return terminated.await(timeout, unit);
  }

  @Override
  public String toString() {
    return "H2cChannel{" + target + ", " + state + "}";
  }

  /** Threads every channel shares, started on first use; daemons, so a CLI exits without closing them. */
  private static final class Shared {
    static final ExecutorService CALLBACKS = Executors.newCachedThreadPool(DaemonThreads.named("h2c-callback"));
    static final ScheduledThreadPoolExecutor TIMERS = new ScheduledThreadPoolExecutor(1,
        DaemonThreads.named("h2c-deadline"));

    static {
      TIMERS.setRemoveOnCancelPolicy(true);
    }
  }
}
