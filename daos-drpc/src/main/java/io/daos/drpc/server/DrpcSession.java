package io.daos.drpc.server;

import io.daos.drpc.DrpcProtocolException;
import io.daos.drpc.PeerCredentials;
import io.daos.drpc.transport.MessageChannel;
import io.daos.drpc.transport.PacketConnection;
import java.io.IOException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One accepted connection: receive a Call, answer it, repeat until the peer leaves or misbehaves. */
final class DrpcSession implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(DrpcSession.class);

  private final MessageChannel channel;
  private final DrpcRegistry registry;
  private final PeerCredentials peer;
  private final Consumer<DrpcSession> onClose;

  DrpcSession(PacketConnection conn, DrpcRegistry registry, long maxMessageSize, long midMessageTimeoutMillis,
      Consumer<DrpcSession> onClose) {
    this.channel = new MessageChannel(conn, maxMessageSize).withMidMessageTimeout(midMessageTimeoutMillis);
    this.registry = registry;
    this.peer = conn.peerCredentials();
    this.onClose = onClose;
  }

  @Override
  public void run() {
    try {
      byte[] call;
      while ((call = channel.receive(0)) != null) {
        channel.send(registry.process(call, peer));
      }
    } catch (DrpcProtocolException e) {
      LOG.warn("dRPC: closing connection from pid {}: {}", peer.pid(), e.getMessage());
    } catch (IOException e) {
      LOG.debug("dRPC: connection from pid {} ended: {}", peer.pid(), e.toString());
    } finally {
      close();
    }
  }

  void close() {
    channel.close();
    onClose.accept(this);
  }
}
