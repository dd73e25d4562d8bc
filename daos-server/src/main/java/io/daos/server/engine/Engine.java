package io.daos.server.engine;

import io.daos.common.ranklist.Rank;
import io.daos.drpc.DrpcMethod;
import java.io.IOException;
import java.util.Optional;

/**
 * What the harness and the CtlSvc handlers need from one engine instance (DAOS's server.Engine interface).
 * {@link EngineInstance} is the real one; tests use fakes.
 */
public interface Engine {
  /** Engine index in the server config's {@code engines} list. */
  int index();

  /** The rank recorded in the superblock; empty without a superblock or before the first join. */
  Optional<Rank> rank();

  LocalState localState();

  /** True while the engine process runs. */
  boolean isStarted();

  /** True once the started engine is set up (SetRank + SetUp answered). */
  boolean isReady();

  /** True while the instance waits for its storage to be formatted. */
  boolean isAwaitingFormat();

  /** Asks the run loop to (re)start the engine; returns at once. */
  void requestStart();

  /** Sends {@code signal} to the engine process, if it runs (non-blocking). */
  void stop(Signal signal);

  /**
   * Calls {@code method} on the engine's dRPC socket and returns the response body.
   *
   * @throws io.daos.common.fault.Fault SERVER_DATA_PLANE_NOT_STARTED if the process is not running
   * @throws EngineUnavailableException if the engine is not set up or its socket is unknown
   */
  byte[] callDrpc(DrpcMethod method, byte[] body) throws IOException;

  /** Removes the superblock (ResetFormatRanks), so the next start waits for a format. */
  void removeSuperblock() throws IOException;

  /** Starts the next launch with (or without) the checker modules (StartRanks check_mode). */
  void setCheckerMode(boolean enabled);

  /** Why the engine last stopped (exit status or start failure), if it did. */
  Optional<String> lastError();
}
