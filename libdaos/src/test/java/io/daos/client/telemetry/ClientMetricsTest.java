package io.daos.client.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.cart.RpcCounters;
import io.daos.common.Uuids;
import io.daos.proto.obj.ObjRwReq;
import io.daos.proto.obj.ObjTarget;
import io.daos.proto.telemetry.Metric;
import io.daos.proto.telemetry.MetricsResp;
import io.daos.rpc.ObjRpc;
import io.daos.rpc.PoolRpc;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientMetricsTest {
  private static double value(MetricsResp r, String name) {
    return r.getMetricsList().stream().filter(m -> m.getName().equals(name)).mapToDouble(Metric::getValue)
        .findFirst().orElseThrow(() -> new AssertionError(name + " missing: " + r));
  }

  @Test
  void switchesFromTheEnvironmentThenFromTheAgent() {
    assertEquals(new ClientMetrics.Settings(false, false), ClientMetrics.Settings.of(Map.of(), List.of()));
    assertEquals(new ClientMetrics.Settings(true, false),
        ClientMetrics.Settings.of(Map.of(), List.of("D_CLIENT_METRICS_ENABLE=1")));
    assertEquals(new ClientMetrics.Settings(true, true), ClientMetrics.Settings.of(Map.of(),
        List.of("D_CLIENT_METRICS_ENABLE=1", "D_CLIENT_METRICS_REGISTER=1")));
    assertEquals(new ClientMetrics.Settings(false, false), ClientMetrics.Settings.of(
        Map.of("D_CLIENT_METRICS_ENABLE", "0"), List.of("D_CLIENT_METRICS_ENABLE=1")), "the environment wins");
    assertEquals(new ClientMetrics.Settings(true, true),
        ClientMetrics.Settings.of(Map.of("D_CLIENT_METRICS_REGISTER", "true"), List.of()), "register implies enable");
  }

  @Test
  void objectRepliesCountPerPoolUnderDaosNames() {
    ClientMetrics m = new ClientMetrics(5_000, "ofi+tcp");
    UUID pool = UUID.randomUUID();
    ByteBuffer update = ByteBuffer.wrap(ObjRwReq.newBuilder().setTarget(ObjTarget.newBuilder()
        .setPoolUuid(Uuids.toByteString(pool))).build().toByteArray());
    m.replied(ObjRpc.UPDATE, update, 4096, 0);
    m.replied(ObjRpc.UPDATE, update.rewind(), 100, 0);
    m.replied(ObjRpc.FETCH, update.rewind(), 0, 512);
    m.replied(PoolRpc.CONNECT, ByteBuffer.allocate(0), 0, 0);
    m.rpc().sent();
    m.rpc().ended(RpcCounters.Outcome.OK);
    MetricsResp r = m.snapshot();
    assertEquals(5, value(r, "client_started_at"));
    assertEquals(2, value(r, "client_pool_ops_update"));
    assertEquals(1, value(r, "client_pool_ops_fetch"));
    assertEquals(4196, value(r, "client_pool_xferred_update"));
    assertEquals(512, value(r, "client_pool_xferred_fetch"));
    assertEquals(1, value(r, "client_net_cm_rpc_sent"));
    assertEquals(1, value(r, "client_net_cm_rpc_completed"));
    assertEquals(Map.of("pool", pool.toString()), r.getMetricsList().stream()
        .filter(x -> x.getName().equals("client_pool_ops_update")).findFirst().orElseThrow().getLabelsMap());
    assertFalse(r.getMetricsList().stream().anyMatch(x -> x.getName().contains("pool_connect")),
        "only object RPCs count");
    assertTrue(r.getMetricsList().stream().noneMatch(x -> x.getName().equals("client_net_cm_rpc_recv")),
        "a client serves nothing");
  }
}
