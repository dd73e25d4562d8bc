package io.daos.drpc.client;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.drpc.DrpcException;
import io.daos.drpc.DrpcProtocolException;
import io.daos.drpc.transport.MessageChannel;
import io.daos.proto.drpc.Call;
import io.daos.proto.drpc.Response;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dRPC client on one connection. Calls are serialized. A broken connection (I/O error, timeout, bad
 * response) is dropped; the next call reconnects. A call whose send fails on a reused connection (the
 * peer went away while we were idle, so it never saw the call) is retried once on a new connection.
 */
final class SocketDrpcClient implements DrpcClient {
  private static final Logger LOG = LoggerFactory.getLogger(SocketDrpcClient.class);

  private final DrpcClient.Builder cfg;
  private MessageChannel channel;
  private long sequence;
  private boolean used;
  private boolean closed;

  SocketDrpcClient(DrpcClient.Builder cfg) {
    this.cfg = cfg;
  }

  synchronized void connectNow() throws IOException {
    if (closed) {
      throw new DrpcException("dRPC client for " + cfg.path + " is closed");
    }
    if (channel == null) {
      channel = new MessageChannel(cfg.transport.connect(cfg.path), cfg.maxMessageSize);
      sequence = 0;
      used = false;
    }
  }

  @Override
  public synchronized Response call(Call call) throws IOException {
    connectNow();
    boolean reused = used;
    used = true;
    Call numbered = call.toBuilder().setSequence(++sequence).build();
    byte[] bytes = numbered.toByteArray();
    try {
      channel.send(bytes);
    } catch (IOException e) {
      disconnect();
      if (!reused) {
        throw new DrpcException("dRPC send to " + cfg.path + ": " + e.getMessage(), e);
      }
      LOG.debug("dRPC: connection to {} was broken ({}); reconnecting", cfg.path, e.toString());
      return call(call);
    }
    return awaitResponse(numbered.getSequence());
  }

  private Response awaitResponse(long seq) throws IOException {
    try {
      byte[] raw = channel.receive(cfg.timeout.toMillis());
      if (raw == null) {
        throw new DrpcException("dRPC: " + cfg.path + " closed the connection before responding");
      }
      Response resp = Response.parseFrom(raw);
      if (resp.getSequence() != seq) {
        throw new DrpcProtocolException("dRPC: response sequence " + resp.getSequence() + ", expected " + seq);
      }
      return resp;
    } catch (InvalidProtocolBufferException e) {
      disconnect();
      throw new DrpcException("dRPC: undecodable response from " + cfg.path, e);
    } catch (IOException e) {
      disconnect();
      throw e;
    }
  }

  private void disconnect() {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    disconnect();
  }
}
