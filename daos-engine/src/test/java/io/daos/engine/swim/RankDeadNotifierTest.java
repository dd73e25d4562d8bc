package io.daos.engine.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.engine.ras.RasCapture;
import io.daos.proto.shared.ClusterEventReq;
import io.daos.proto.shared.RASEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The duplicate (same rank and incarnation) is dropped inside {@code onDead}, before anything is queued, so once the
 * two sends arrived no third can follow.
 */
class RankDeadNotifierTest {
  @Test
  void raisesSwimRankDeadOncePerRankAndIncarnation() throws Exception {
    try (RasCapture c = new RasCapture(0)) {
      RankDeadNotifier n = new RankDeadNotifier("engine 0", c.notifier());
      n.onDead(3, 77);
      n.onDead(3, 77);
      n.onDead(3, 78);
      List<ClusterEventReq> got = c.requests(2);
      RASEvent e = got.get(0).getEvent();
      assertEquals(17, e.getId());
      assertEquals("SWIM marked rank as dead.", e.getMsg());
      assertEquals(1, e.getType());
      assertEquals(3, e.getSeverity());
      assertEquals("host-a", e.getHostname());
      assertEquals(3, e.getRank());
      assertEquals(77, e.getIncarnation());
      assertEquals(4242, e.getProcId());
      assertTrue(e.getTimestamp().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}.*"), e.getTimestamp());
      assertEquals(78, got.get(1).getEvent().getIncarnation());
      assertTrue(got.get(1).getSequence() > got.get(0).getSequence());
      c.notifier().close();
      assertEquals(2, c.all().size(), "the duplicate was never queued");
    }
  }
}
