package io.daos.server.mgmt.svc;

import io.daos.drpc.DrpcMethod;
import java.io.IOException;
import java.util.Collection;

/**
 * What the MS's pool operations need from this server's engines: the per-engine target count, whether engines have
 * NVMe, and a dRPC call to one local engine. As in DAOS, that engine acts for the whole pool: it reaches the pool's
 * other ranks and its service leader over the fabric. {@link HarnessPoolEngines} uses the local harness; tests use
 * fakes.
 */
public interface PoolEngines {
  /** VOS targets per engine (DAOS uses the first instance's count). */
  int targetCount();

  /** True if the engines have block devices (an NVMe tier). */
  boolean hasBlockDevices();

  /** True if engine 0 has a bdev tier with the meta role (MD-on-SSD, DAOS BdevRoleMetaConfigured). */
  boolean mdOnSsd();

  /**
   * Calls {@code method} on one ready local engine, preferring one that serves a rank of {@code preferRanks}.
   *
   * @throws io.daos.server.engine.EngineUnavailableException if no local engine is ready
   * @throws IOException if the call fails
   */
  byte[] callDrpc(Collection<Integer> preferRanks, DrpcMethod method, byte[] body) throws IOException;
}
