package io.daos.engine.swim;

import io.daos.drpc.RasEvents;
import io.daos.engine.ras.RasNotifier;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises RAS {@code swim_rank_dead} (DAOS's {@code ds_notify_swim_rank_dead}) for each rank SWIM declares DEAD: a
 * state-change notice with the rank and the incarnation SWIM knew, which daos_server forwards to the MS leader.
 * Once per rank and incarnation; {@link RasNotifier} sends it on its own thread so the SWIM thread never waits.
 */
public final class RankDeadNotifier implements Swim.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(RankDeadNotifier.class);

  private final String name;
  private final RasNotifier ras;
  private final Set<String> raised = ConcurrentHashMap.newKeySet();

  public RankDeadNotifier(String name, RasNotifier ras) {
    this.name = name;
    this.ras = ras;
  }

  @Override
  public void onDead(int rank, long incarnation) {
    if (!raised.add(rank + ":" + incarnation)) {
      return;
    }
    LOG.info("{}: SWIM declared rank {} (incarnation {}) dead; raising swim_rank_dead", name, rank, incarnation);
    ras.raise(RasEvents.swimRankDead(ras.hostname(), rank, incarnation, ras.pid()));
  }
}
