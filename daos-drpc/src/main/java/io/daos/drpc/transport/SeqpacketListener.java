package io.daos.drpc.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bound, listening SEQPACKET socket. */
final class SeqpacketListener implements PacketListener {
  private static final Logger LOG = LoggerFactory.getLogger(SeqpacketListener.class);

  private final AFUNIXDatagramSocket sock;
  private final Path path;

  SeqpacketListener(AFUNIXDatagramSocket sock, Path path) {
    this.sock = sock;
    this.path = path;
  }

  @Override
  public PacketConnection accept() throws IOException {
    return new SeqpacketConnection((AFUNIXDatagramSocket) sock.accept());
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public void close() {
    sock.close();
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("dRPC: unable to remove socket file {}: {}", path, e.toString());
    }
  }
}
