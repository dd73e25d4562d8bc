package io.daos.control;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;

/** Creates the channel to one server address ({@code host:port}); tests substitute in-process channels. */
@FunctionalInterface
public interface ChannelFactory {
  /** Whichever gRPC transport is on the class path (netty-shaded in servers, okhttp in dmg). */
  ChannelFactory DEFAULT = (target, credentials) -> Grpc.newChannelBuilder(target, credentials).build();

  ManagedChannel create(String target, ChannelCredentials credentials);
}
