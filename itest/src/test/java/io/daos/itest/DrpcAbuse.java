package io.daos.itest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;
import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** Sends malformed dRPC traffic to a SEQPACKET socket, written independently of our dRPC library. */
final class DrpcAbuse {
  private static final int HEADER = 24;

  private DrpcAbuse() {
  }

  /** Random bytes that are not a valid chunk. */
  static void sendGarbage(Path sock) throws IOException {
    byte[] junk = new byte[300];
    new Random(42).nextBytes(junk);
    sendAndAwaitClose(sock, ByteBuffer.wrap(junk));
  }

  /** A header that claims a 1 TiB message. */
  static void sendOversizedHeader(Path sock) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(HEADER + 8).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(1L << 40).putLong(8).putInt(0).putInt((int) ((1L << 40) / 131048 + 1)).putLong(0).flip();
    sendAndAwaitClose(sock, b);
  }

  /** The first of three chunks, then a hang-up. */
  static void sendTruncatedMessage(Path sock) throws IOException {
    try (AFUNIXDatagramSocket s = connect(sock)) {
      int total = 3 * 131048;
      ByteBuffer b = ByteBuffer.allocate(HEADER + 131048).order(ByteOrder.LITTLE_ENDIAN);
      b.putLong(total).putLong(131048).putInt(0).putInt(3);
      b.position(b.limit()).flip();
      s.getChannel().write(b);
    }
  }

  private static void sendAndAwaitClose(Path sock, ByteBuffer packet) throws IOException {
    try (AFUNIXDatagramSocket s = connect(sock)) {
      s.getChannel().write(packet);
      s.setSoTimeout(5000);
      ByteBuffer reply = ByteBuffer.allocate(131072);
      try {
        s.getChannel().read(reply);
      } catch (IOException expected) {
        // the server closes the connection of a peer that sends garbage
      }
    }
  }

  private static AFUNIXDatagramSocket connect(Path sock) throws IOException {
    AFUNIXDatagramSocket s = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET);
    s.connect(AFUNIXSocketAddress.of(sock));
    return s;
  }
}
