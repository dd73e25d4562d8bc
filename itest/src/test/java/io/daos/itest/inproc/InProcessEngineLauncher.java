package io.daos.itest.inproc;

import io.daos.cart.CartTransport;
import io.daos.drpc.transport.DrpcTransport;
import io.daos.engine.DaosEngine;
import io.daos.engine.EngineArgsParser;
import io.daos.engine.EngineEnv;
import io.daos.engine.log.EngineLogging;
import io.daos.engine.EngineUsageException;
import io.daos.server.engine.launch.EngineLaunchSpec;
import io.daos.server.engine.launch.EngineLauncher;
import io.daos.server.engine.launch.EngineProcess;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts the real {@link DaosEngine} inside this JVM instead of forking {@code daos_engine}: the launch spec's
 * argv and environment go through the engine's own parsers, the engine reaches daos_server over the shared
 * in-memory dRPC transport and the other engines over the shared in-memory CART-J network. Each engine gets a
 * fake pid of its own (it names the engine's dRPC socket). Nothing process-wide is touched: no logback
 * reconfiguration, no signal handlers, no {@code System.exit}.
 */
public final class InProcessEngineLauncher implements EngineLauncher {
  /** Far above Linux's pid_max, so a fake pid never names a real process. */
  private static final AtomicLong PIDS = new AtomicLong(1L << 32);

  private final DrpcTransport drpc;
  private final CartTransport fabric;
  private final io.daos.common.Ticker ticker;
  private final List<InProcessEngine> launched = new CopyOnWriteArrayList<>();

  public InProcessEngineLauncher(DrpcTransport drpc, CartTransport fabric) {
    this(drpc, fabric, io.daos.common.Ticker.SYSTEM);
  }

  /** Engines whose DTX commit ages read {@code ticker}. */
  public InProcessEngineLauncher(DrpcTransport drpc, CartTransport fabric, io.daos.common.Ticker ticker) {
    this.drpc = drpc;
    this.fabric = fabric;
    this.ticker = ticker;
  }

  @Override
  public EngineProcess launch(EngineLaunchSpec spec) throws IOException {
    EngineArgsParser.Result parsed;
    EngineEnv env;
    EngineLogging logging;
    try {
      parsed = EngineArgsParser.parse(spec.args().toArray(String[]::new));
      env = EngineEnv.from(spec.env());
      logging = EngineLogging.embedded(env.logMask());
    } catch (EngineUsageException | IllegalArgumentException e) {
      throw new IOException("engine " + spec.index() + ": " + e.getMessage(), e);
    }
    long pid = PIDS.incrementAndGet();
    DaosEngine engine = new DaosEngine(parsed.args(), env, logging, drpc, fabric, pid, ticker);
    InProcessEngine e = new InProcessEngine(spec.index(), pid, engine);
    launched.add(e);
    e.start();
    return e;
  }

  /** Every engine this launcher started, running or not, in launch order. */
  public List<InProcessEngine> launched() {
    return List.copyOf(launched);
  }

  /** The running engines. */
  public List<InProcessEngine> running() {
    return launched.stream().filter(InProcessEngine::isAlive).toList();
  }
}
