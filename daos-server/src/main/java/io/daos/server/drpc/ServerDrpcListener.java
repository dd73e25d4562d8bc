package io.daos.server.drpc;

import io.daos.drpc.server.DrpcRegistry;
import io.daos.drpc.server.DrpcServer;
import io.daos.drpc.transport.DrpcTransport;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * daos_server's dRPC listener, {@code <socket_dir>/daos_server.sock} (mode 0600). Starting it creates
 * the socket directory, removes stale {@code daos_engine*.sock} files left by engines of an earlier run
 * and a stale daos_server.sock, as DAOS does.
 */
public final class ServerDrpcListener implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerDrpcListener.class);
  public static final String SOCKET_NAME = "daos_server.sock";

  private final DrpcServer server;
  private final Path socketDir;

  public ServerDrpcListener(Path socketDir, DrpcRegistry registry) {
    this(socketDir, registry, DrpcTransport.seqpacket());
  }

  public ServerDrpcListener(Path socketDir, DrpcRegistry registry, DrpcTransport transport) {
    this.socketDir = socketDir;
    this.server = DrpcServer.builder(socketDir.resolve(SOCKET_NAME), registry).transport(transport)
        .mode("rw-------").build();
  }

  public Path socketPath() {
    return server.socketPath();
  }

  public void start() throws IOException {
    Files.createDirectories(socketDir);
    removeStaleEngineSockets(socketDir);
    server.start();
    LOG.info("dRPC: listening on {}", server.socketPath());
  }

  /** Removes {@code daos_engine*.sock} in {@code dir}. */
  public static void removeStaleEngineSockets(Path dir) throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "daos_engine*.sock")) {
      for (Path p : ds) {
        LOG.debug("removing stale engine socket {}", p);
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
