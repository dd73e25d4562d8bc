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

  ChannelPool(ChannelFactory factory, ChannelCredentials credentials, Component component, Version version) {
    this.factory = factory;
    this.credentials = credentials;
    this.component = component;
    this.version = version;
  }

  Channel get(String target) {
    ManagedChannel ch = channels.computeIfAbsent(target, t -> factory.create(t, credentials));
    if (ch.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      ch.resetConnectBackoff(); // a server that came back should be tried now, as DAOS dials afresh
    }
    return ClientInterceptors.intercept(ch, new DaosClientInterceptor(component, version, target));
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
