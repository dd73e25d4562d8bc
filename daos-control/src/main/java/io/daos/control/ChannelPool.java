package io.daos.control;

import io.daos.common.build.Component;
import io.daos.common.build.Version;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptors;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One lazily created channel per server address, each wrapped with {@link DaosClientInterceptor}. */
final class ChannelPool implements AutoCloseable {
  private final ChannelFactory factory;
  private final ChannelCredentials credentials;
  private final Component component;
  private final Version version;
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
  private final java.util.Set<String> connected = ConcurrentHashMap.newKeySet();

  ChannelPool(ChannelFactory factory, ChannelCredentials credentials, Component component, Version version) {
    this.factory = factory;
    this.credentials = credentials;
    this.component = component;
    this.version = version;
  }

  Channel get(String target) {
    ManagedChannel ch = channels.computeIfAbsent(target, t -> watch(t, factory.create(t, credentials)));
    if (ch.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      ch.resetConnectBackoff(); // a server that came back should be tried now, as DAOS dials afresh
    }
    return ClientInterceptors.intercept(ch, new DaosClientInterceptor(component, version, target));
  }

  /** Remembers when {@code target}'s channel first becomes READY (its server was reached at least once). */
  private ManagedChannel watch(String target, ManagedChannel ch) {
    ConnectivityState s = ch.getState(false);
    if (s == ConnectivityState.READY) {
      connected.add(target);
    } else if (s != ConnectivityState.SHUTDOWN) {
      ch.notifyWhenStateChanged(s, () -> watch(target, ch));
    }
    return ch;
  }

  /** True if {@code target} has never been reached and its channel is still trying to connect. */
  boolean neverConnected(String target) {
    ManagedChannel ch = channels.get(target);
    if (ch == null || connected.contains(target)) {
      return ch == null;
    }
    ConnectivityState s = ch.getState(false);
    return s == ConnectivityState.CONNECTING || s == ConnectivityState.TRANSIENT_FAILURE
        || s == ConnectivityState.IDLE;
  }

  /**
   * Starts connecting to {@code targets} and waits up to {@code wait} until one is connected or has failed (a
   * refusal, which the request then reports as such); false if all are still connecting (unreachable hosts).
   */
  boolean awaitConnection(java.util.List<String> targets, java.time.Duration wait) throws InterruptedException {
    java.util.concurrent.CountDownLatch settled = new java.util.concurrent.CountDownLatch(1);
    for (String t : targets) {
      settle(channels.computeIfAbsent(t, x -> watch(x, factory.create(x, credentials))), settled);
    }
    return settled.await(wait.toNanos(), TimeUnit.NANOSECONDS);
  }

  private static void settle(ManagedChannel ch, java.util.concurrent.CountDownLatch settled) {
    ConnectivityState s = ch.getState(true);
    if (s == ConnectivityState.READY || s == ConnectivityState.TRANSIENT_FAILURE || s == ConnectivityState.SHUTDOWN) {
      settled.countDown();
    } else if (settled.getCount() > 0) {
      ch.notifyWhenStateChanged(s, () -> settle(ch, settled));
    }
  }

  @Override
  public void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
    for (ManagedChannel ch : channels.values()) {
      try {
        ch.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    channels.clear();
  }
}
