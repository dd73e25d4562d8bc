package io.daos.server.mgmt.svc;

import java.io.IOException;

/**
 * What SystemErase does to this server itself (DAOS mgmt_system.go eraseAndRestart). DAOS re-executes
 * daos_server afterwards; jdaos starts the MS database again when engine 0's storage is formatted.
 */
public interface LocalEraser {
  /** Kills this server's running engines and removes their superblocks (an MS replica that is not the leader). */
  void resetEngines();

  /** Stops this replica's MS database and removes its files; an empty one starts after the next format. */
  void eraseDatabase() throws IOException;
}
