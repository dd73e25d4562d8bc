package io.daos.control;

import io.daos.control.h2c.H2cChannel;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;

/** Creates the channel to one server address ({@code host:port}); tests substitute in-process channels. */
@FunctionalInterface
public interface ChannelFactory {
  /**
   * Insecure channels in a process without netty (dmg) are jdaos's own plaintext HTTP/2 client
   * ({@link H2cChannel}): a short command then loads none of grpc-java's transport. Otherwise, and whenever
   * {@code JDAOS_GRPC_TRANSPORT=grpc-java}, whichever gRPC transport is on the class path (netty-shaded in
   * servers, okhttp in dmg); {@code JDAOS_GRPC_TRANSPORT=h2c} picks ours in any process.
   */
  ChannelFactory DEFAULT = (target, credentials) -> credentials instanceof InsecureChannelCredentials
      && insecureUsesH2c() ? H2cChannel.forTarget(target) : Grpc.newChannelBuilder(target, credentials).build();

  ManagedChannel create(String target, ChannelCredentials credentials);

  /**
   * True if {@link #DEFAULT}'s insecure channels are {@link H2cChannel}s in this process (environment and class
   * path); an invalid {@code JDAOS_GRPC_TRANSPORT} throws, naming the values it takes.
   */
  static boolean insecureUsesH2c() {
    return H2cChannel.chosen(System.getenv(H2cChannel.TRANSPORT_ENV), NettyPresence.PRESENT);
  }

  /** Whether grpc-java's netty transport is on the class path: looked up once (a miss searches every jar). */
  final class NettyPresence {
    static final boolean PRESENT = present();

    private NettyPresence() {
    }

    private static boolean present() {
      try {
        Class.forName("io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder", false,
            ChannelFactory.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException e) {
        return false;
      }
    }
  }
}
