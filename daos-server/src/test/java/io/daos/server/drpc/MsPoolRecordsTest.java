package io.daos.server.drpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.proto.mgmt.ListPoolsResp;
import io.daos.server.sysdb.PoolService;
import io.daos.server.sysdb.PoolServiceState;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A server without an MS replica finds pools by asking the MS (ListPools). */
class MsPoolRecordsTest {
  private static final UUID POOL = UUID.fromString("8a3a7f5e-3e4c-4d4c-9d0f-2b9a6a1d3c11");

  private final MsPoolRecords records = new MsPoolRecords("daos_server", req -> ListPoolsResp.newBuilder()
      .addPools(ListPoolsResp.Pool.newBuilder().setUuid(POOL.toString()).setLabel("tank").addAllSvcReps(List.of(2, 0))
          .setState("Ready")).build());

  @Test
  void findsByUuidAndLabel() {
    PoolService byUuid = records.byUuid(POOL).orElseThrow();
    assertEquals(List.of(2, 0), byUuid.replicas());
    assertEquals(PoolServiceState.READY, byUuid.state());
    assertEquals(POOL, records.byLabel("tank").orElseThrow().poolUuid());
    assertTrue(records.byLabel("other").isEmpty());
  }

  @Test
  void anUnreachableMsFindsNothing() {
    MsPoolRecords down = new MsPoolRecords("daos_server", req -> {
      throw new IllegalStateException("no MS leader");
    });
    assertTrue(down.byUuid(POOL).isEmpty());
  }
}
