package io.daos.engine.pool.svc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.engine.rdb.InMemoryRdb;
import io.daos.engine.rdb.RdbTx;
import io.daos.proto.pool.Prop;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A replica that does not lead (yet) still answers the checker's clue questions from its own copy, as DAOS's
 * pool clues read the local rdb: right after the engines restart in checker mode no election has happened.
 */
class PoolServiceLocalReadTest {
  private static final UUID POOL = UUID.fromString("8c4a3c6e-1111-4b2b-9a1e-0c6f1d2e3f40");

  @Test
  void followerReadsItsLabelLocallyButServesNothing() {
    InMemoryRdb rdb = new InMemoryRdb(POOL, 0);
    PoolService svc = new PoolService(POOL, rdb, () -> List.of(0, 1, 2));
    Prop label = Prop.newBuilder().setType(PoolProps.LABEL).setStr("tank").build();
    rdb.commit(new RdbTx().put(PoolKeys.prop(PoolProps.LABEL), label.toByteArray()));
    rdb.setLeader(false);

    DaosException e = assertThrows(DaosException.class, () -> svc.poolProp(PoolProps.LABEL));
    assertEquals(DaosStatus.NOTLEADER, e.status(), "a follower serves no pool request");
    assertEquals("tank", svc.localPoolProp(PoolProps.LABEL).orElseThrow().getStr());
    assertTrue(svc.localPoolProp(PoolProps.SELF_HEAL).isEmpty(), "an unset property is absent, not an error");
  }
}
