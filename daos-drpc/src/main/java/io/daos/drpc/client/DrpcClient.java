package io.daos.drpc.client;

import com.google.protobuf.ByteString;
import io.daos.drpc.DrpcChunks;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcStatusException;
import io.daos.drpc.PeerCredentials;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.proto.drpc.Call;
import io.daos.proto.drpc.Response;
import io.daos.proto.drpc.Status;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Makes dRPC calls. Implementations are thread-safe (calls are serialized) and number calls with a
 * per-connection sequence starting at 1. {@link #builder(Path)} makes a socket client; {@link #direct}
 * one that dispatches to a registry in this process.
 */
public interface DrpcClient extends Closeable {
  /** Sends {@code call} (its sequence is replaced by the client's) and returns the peer's Response. */
  Response call(Call call) throws IOException;

  /** Calls {@code method} with {@code body}; a non-SUCCESS status throws {@link DrpcStatusException}. */
  default byte[] call(DrpcMethod method, byte[] body) throws IOException {
    Call call = Call.newBuilder().setModule(method.module().id()).setMethod(method.id())
        .setBody(ByteString.copyFrom(body)).build();
    Response resp = call(call);
    if (resp.getStatus() != Status.SUCCESS) {
      throw new DrpcStatusException(method, resp.getStatus());
    }
    return resp.getBody().toByteArray();
  }

  @Override
  void close();

  /** Connects now to the dRPC socket at {@code socketPath} with default settings. */
  static DrpcClient connect(Path socketPath) throws IOException {
    return builder(socketPath).connect();
  }

  static Builder builder(Path socketPath) {
    return new Builder(socketPath);
  }

  /** A client that hands calls straight to {@code registry} in this thread, without a transport. */
  static DrpcClient direct(DrpcRegistry registry) {
    return new DirectDrpcClient(registry, PeerCredentials.ofCurrentProcess());
  }

  /** Socket client settings; defaults: SEQPACKET, 30 s response timeout, 64 MiB messages. */
  final class Builder {
    final Path path;
    DrpcTransport transport = DrpcTransport.seqpacket();
    Duration timeout = Duration.ofSeconds(30);
    long maxMessageSize = DrpcChunks.DEFAULT_MAX_MESSAGE_SIZE;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "socket path");
    }

    public Builder transport(DrpcTransport t) {
      this.transport = Objects.requireNonNull(t);
      return this;
    }

    /** How long to wait for a response (zero waits forever). */
    public Builder timeout(Duration d) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("negative dRPC timeout: " + d);
      }
      this.timeout = d;
      return this;
    }

    public Builder maxMessageSize(long bytes) {
      this.maxMessageSize = DrpcChunks.checkMaxMessageSize(bytes);
      return this;
    }

    /** A client that connects on its first call (and again after a broken connection). */
    public DrpcClient build() {
      return new SocketDrpcClient(this);
    }

    /** A client connected now; fails if nobody listens. */
    public DrpcClient connect() throws IOException {
      SocketDrpcClient c = new SocketDrpcClient(this);
      c.connectNow();
      return c;
    }
  }
}
