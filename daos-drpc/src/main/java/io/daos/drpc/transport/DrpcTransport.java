package io.daos.drpc.transport;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * How dRPC endpoints meet: the real AF_UNIX SOCK_SEQPACKET transport ({@link #seqpacket()}) or an
 * in-memory one for fast tests ({@link InMemoryTransport}). Server and client are written against this.
 */
public interface DrpcTransport {
  /**
   * Listens on {@code path}, first removing a stale socket file; throws a {@code Fault} with code
   * SOCKET_FILE_IN_USE if a live listener answers there. The socket file gets {@code mode}.
   */
  PacketListener listen(Path path, Set<PosixFilePermission> mode) throws IOException;

  /** Connects to the listener on {@code path}. */
  PacketConnection connect(Path path) throws IOException;

  /** The real AF_UNIX SOCK_SEQPACKET transport (junixsocket). */
  static DrpcTransport seqpacket() {
    return SeqpacketTransport.INSTANCE;
  }
}
