package io.daos.drpc.transport;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** A listening dRPC endpoint. Closing it wakes a blocked {@link #accept()} with an IOException. */
public interface PacketListener extends Closeable {
  /** Waits for the next peer. */
  PacketConnection accept() throws IOException;

  /** The socket path this listener is bound to. */
  Path path();

  /** Stops listening and removes the socket file. */
  @Override
  void close();
}
