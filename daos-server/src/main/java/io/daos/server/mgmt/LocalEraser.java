package io.daos.server.mgmt;

import java.io.IOException;

/**
 * What SystemErase does to this server itself (DAOS mgmt_system.go eraseAndRestart). DAOS re-executes
 * daos_server afterwards; jdaos restarts the MS database in place.
 */
public interface LocalEraser {
  /** Kills this server's running engines and removes their superblocks (an MS replica that is not the leader). */
  void resetEngines();

  /** Stops this replica's MS database, removes its files and starts an empty one. */
  void eraseDatabase() throws IOException;
}
