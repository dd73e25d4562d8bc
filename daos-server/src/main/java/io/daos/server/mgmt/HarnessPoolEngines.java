package io.daos.server.mgmt;

import io.daos.drpc.DrpcMethod;
import io.daos.server.engine.Engine;
import io.daos.server.engine.EngineHarness;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * {@link PoolEngines} over this server's harness. Only ranks served by a local engine can be reached: the
 * MS forwarding pool dRPCs to engines on other hosts is not implemented yet.
 */
public final class HarnessPoolEngines implements PoolEngines {
  private final EngineHarness harness;
  private final int targets;
  private final boolean bdevs;

  public HarnessPoolEngines(EngineHarness harness, int targetCount, boolean hasBlockDevices) {
    this.harness = Objects.requireNonNull(harness, "harness");
    this.targets = targetCount;
    this.bdevs = hasBlockDevices;
  }

  @Override
  public int targetCount() {
    return targets;
  }

  @Override
  public boolean hasBlockDevices() {
    return bdevs;
  }

  @Override
  public byte[] callDrpc(int rank, DrpcMethod method, byte[] body) throws IOException {
    List<Engine> local = harness.filterInstancesByRankSet(Integer.toString(rank));
    if (local.isEmpty()) {
      throw new IOException("rank " + rank + " is not served by an engine on this host (pool dRPCs to "
          + "other hosts are not supported yet)");
    }
    return local.get(0).callDrpc(method, body);
  }
}
