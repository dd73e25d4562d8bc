package io.daos.server.mgmt.svc;

import io.daos.drpc.DrpcMethod;
import io.daos.server.engine.Engine;
import io.daos.server.engine.EngineFaults;
import io.daos.server.engine.EngineHarness;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PoolEngines} over this server's harness, as DAOS's {@code EngineHarness.CallDrpc}: the instances are tried in
 * turn, those serving a preferred rank first; a transient failure ({@link EngineFaults#isTransient}, the harness's
 * own rule) moves on to the next, any other failure ends the call. Ranks on other hosts are reached by the engine,
 * over the fabric.
 */
public final class HarnessPoolEngines implements PoolEngines {
  private static final Logger LOG = LoggerFactory.getLogger(HarnessPoolEngines.class);

  private final EngineHarness harness;
  private final int targets;
  private final boolean bdevs;
  private final boolean mdOnSsd;

  public HarnessPoolEngines(EngineHarness harness, int targetCount, boolean hasBlockDevices, boolean mdOnSsd) {
    this.harness = Objects.requireNonNull(harness, "harness");
    this.targets = targetCount;
    this.bdevs = hasBlockDevices;
    this.mdOnSsd = mdOnSsd;
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
  public boolean mdOnSsd() {
    return mdOnSsd;
  }

  @Override
  public byte[] callDrpc(Collection<Integer> preferRanks, DrpcMethod method, byte[] body) throws IOException {
    List<Engine> order = new ArrayList<>(harness.instances());
    if (order.isEmpty()) {
      throw new IOException("no engine instances to service drpc call");
    }
    order.sort(Comparator.comparing(e -> !serves(e, preferRanks)));
    RuntimeException notReady = null;
    for (Engine e : order) {
      try {
        return e.callDrpc(method, body);
      } catch (RuntimeException err) {
        if (!EngineFaults.isTransient(err)) {
          throw err;
        }
        LOG.debug("{}: engine instance {} not ready: {}", method, e.index(), err.getMessage());
        notReady = err;
      }
    }
    throw notReady;
  }

  private static boolean serves(Engine e, Collection<Integer> ranks) {
    return e.rank().map(r -> ranks.contains(r.toUint32())).orElse(false);
  }
}
