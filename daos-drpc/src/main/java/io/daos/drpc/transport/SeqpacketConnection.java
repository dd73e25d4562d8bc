package io.daos.drpc.transport;

import io.daos.drpc.DrpcException;
import io.daos.drpc.PeerCredentials;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketCredentials;

/**
 * A connected SEQPACKET socket. junixsocket's channel read returns -1 both at end of stream and when
 * SO_TIMEOUT expires, so a -1 that arrives after the timeout has elapsed is reported as a timeout.
 * (Zero-length packets also read as -1; dRPC never sends them because every chunk has a header.)
 */
final class SeqpacketConnection implements PacketConnection {
  private final AFUNIXDatagramSocket sock;
  private final AFUNIXDatagramChannel channel;
  private long soTimeout;

  SeqpacketConnection(AFUNIXDatagramSocket sock) {
    this.sock = sock;
    this.channel = sock.getChannel();
  }

  @Override
  public void send(ByteBuffer packet) throws IOException {
    int want = packet.remaining();
    int sent = channel.write(packet);
    if (sent != want) {
      throw new DrpcException("short dRPC packet write: " + sent + " of " + want + " bytes");
    }
  }

  @Override
  public int receive(ByteBuffer dst, long timeoutMillis) throws IOException {
    if (timeoutMillis != soTimeout) {
      sock.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
      soTimeout = timeoutMillis;
    }
    long start = System.nanoTime();
    int n = channel.read(dst);
    if (n < 0 && timeoutMillis > 0 && (System.nanoTime() - start) / 1_000_000 >= timeoutMillis) {
      throw new SocketTimeoutException("dRPC receive timed out after " + timeoutMillis + " ms");
    }
    return n;
  }

  @Override
  public PeerCredentials peerCredentials() {
    try {
      AFUNIXSocketCredentials c = sock.getPeerCredentials();
      return c == null ? PeerCredentials.UNKNOWN : new PeerCredentials(c.getPid(), c.getUid(), c.getGid());
    } catch (IOException e) {
      return PeerCredentials.UNKNOWN;
    }
  }

  @Override
  public void close() {
    sock.close();
  }
}
