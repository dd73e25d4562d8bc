package io.daos.drpc.server;

import io.daos.common.LogLimiter;
import io.daos.drpc.DrpcProtocolException;
import io.daos.drpc.PeerCredentials;
import io.daos.drpc.transport.MessageChannel;
import io.daos.drpc.transport.PacketConnection;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted connection: receive a Call, answer it, repeat until the peer leaves, misbehaves or stays idle past
 * the idle timeout.
 */
final class DrpcSession implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(DrpcSession.class);
  private static final LogLimiter LOG_LIMIT = LogLimiter.perMinute();

  /** A session's bounds: largest message, wait for a Call, wait for each further chunk of a started message. */
  record Limits(long maxMessageSize, long idleTimeoutMillis, long midMessageTimeoutMillis) {
  }

  private final MessageChannel channel;
  private final DrpcRegistry registry;
  private final PeerCredentials peer;
  private final long idleTimeoutMillis;
  private final Consumer<DrpcSession> onClose;
  private final AtomicBoolean closed = new AtomicBoolean();

  DrpcSession(PacketConnection conn, DrpcRegistry registry, Limits limits, Consumer<DrpcSession> onClose) {
    this.channel = new MessageChannel(conn, limits.maxMessageSize())
        .withMidMessageTimeout(limits.midMessageTimeoutMillis());
    this.registry = registry;
    this.peer = conn.peerCredentials();
    this.idleTimeoutMillis = limits.idleTimeoutMillis();
    this.onClose = onClose;
  }

  @Override
  public void run() {
    try {
      byte[] call;
      while ((call = channel.receive(idleTimeoutMillis)) != null) {
        channel.send(registry.process(call, peer));
      }
    } catch (DrpcProtocolException e) {
      LOG_LIMIT.warn(LOG, "protocol", "dRPC: closing connection from pid {} uid {}: {}", peer.pid(), peer.uid(),
          e.getMessage());
    } catch (SocketTimeoutException e) {
      LOG_LIMIT.info(LOG, "idle", "dRPC: closing idle connection from pid {} uid {}: no call for {} ms", peer.pid(),
          peer.uid(), idleTimeoutMillis);
    } catch (IOException e) {
      LOG.debug("dRPC: connection from pid {} ended: {}", peer.pid(), e.toString());
    } finally {
      close();
    }
  }

  void close() {
    channel.close();
    if (closed.compareAndSet(false, true)) {
      onClose.accept(this);
    }
  }
}
