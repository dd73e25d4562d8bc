package io.daos.drpc.transport;

import io.daos.drpc.DrpcException;
import io.daos.drpc.DrpcFaults;
import java.io.IOException;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.ConnectionRefusedSocketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** AF_UNIX SOCK_SEQPACKET through junixsocket, wire-compatible with DAOS's Go and C peers. */
final class SeqpacketTransport implements DrpcTransport {
  static final SeqpacketTransport INSTANCE = new SeqpacketTransport();
  private static final Logger LOG = LoggerFactory.getLogger(SeqpacketTransport.class);
  private static final int BACKLOG = 64;

  private SeqpacketTransport() {
  }

  @Override
  public PacketListener listen(Path path, Set<PosixFilePermission> mode) throws IOException {
    removeStaleSocket(path);
    AFUNIXDatagramSocket sock = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET);
    try {
      sock.bind(AFUNIXSocketAddress.of(path));
      sock.listen(BACKLOG);
      Files.setPosixFilePermissions(path, mode);
    } catch (IOException | RuntimeException e) {
      sock.close();
      throw new DrpcException("unable to listen on unix socket " + path + ": " + e.getMessage(), e);
    }
    return new SeqpacketListener(sock, path);
  }

  @Override
  public PacketConnection connect(Path path) throws IOException {
    AFUNIXDatagramSocket sock = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET);
    try {
      sock.connect(AFUNIXSocketAddress.of(path));
    } catch (IOException e) {
      sock.close();
      throw new DrpcException("dRPC connect to " + path + ": " + e.getMessage(), e);
    }
    return new SeqpacketConnection(sock);
  }

  /** As DAOS: a live listener is a fault; a dead socket file (connection refused) is unlinked. */
  private static void removeStaleSocket(Path path) throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return;
    }
    if (!attrs.isOther()) {
      throw new DrpcException("dRPC socket path " + path + " exists and is not a socket; remove it or "
          + "configure a different socket directory");
    }
    try (AFUNIXDatagramSocket probe = AFUNIXDatagramSocket.newInstance(AFSocketType.SOCK_SEQPACKET)) {
      probe.connect(AFUNIXSocketAddress.of(path));
    } catch (ConnectionRefusedSocketException e) {
      LOG.debug("removing stale dRPC socket {}", path);
      Files.deleteIfExists(path);
      return;
    } catch (SocketException e) {
      throw new DrpcException("probing existing dRPC socket " + path + ": " + e.getMessage(), e);
    }
    throw DrpcFaults.socketFileInUse(path);
  }
}
