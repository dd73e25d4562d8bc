package io.daos.server.mgmt;

import io.daos.drpc.DrpcMethod;
import java.io.IOException;

/**
 * What pool create/destroy need from the engines: the per-engine target count, whether engines have NVMe,
 * and a dRPC call to the engine serving a rank. {@link HarnessPoolEngines} reaches the local harness;
 * tests use fakes.
 */
public interface PoolEngines {
  /** VOS targets per engine (DAOS uses the first instance's count). */
  int targetCount();

  /** True if the engines have block devices (an NVMe tier). */
  boolean hasBlockDevices();

  /**
   * Calls {@code method} on the engine serving {@code rank}.
   *
   * @throws io.daos.server.engine.EngineUnavailableException if that engine is not ready
   * @throws IOException if the call fails or the rank is served by another host
   */
  byte[] callDrpc(int rank, DrpcMethod method, byte[] body) throws IOException;
}
