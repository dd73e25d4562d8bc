package io.daos.server.engine;

import io.daos.common.ranklist.Rank;
import io.daos.drpc.RasEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What happens when an engine exits or fails to start (DAOS's handleExit): log, engine_died, socket cleanup. */
final class InstanceExit {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceExit.class);

  private final EngineInstance ei;

  InstanceExit(EngineInstance ei) {
    this.ei = ei;
  }

  void handle(long pid, String status) {
    InstanceSettings cfg = ei.cfg;
    Optional<Rank> rank = ei.rank();
    ei.setLastError(status);
    List<String> details = new ArrayList<>();
    details.add("instance " + cfg.index);
    if (pid != 0) {
      details.add("pid " + pid);
    }
    rank.ifPresent(r -> details.add("rank " + r));
    LOG.error("{} exited with status: {}", String.join(", ", details), status);
    long r = rank.map(Rank::value).orElse(Rank.NIL.value());
    cfg.events.publish(RasEvents.engineDied(cfg.hostname, cfg.index, r, ei.incarnation(), status, pid),
        rank.isPresent());
    ei.removeSocket();
  }
}
