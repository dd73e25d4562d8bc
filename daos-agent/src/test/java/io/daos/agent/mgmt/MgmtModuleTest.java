package io.daos.agent.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.agent.FakeMs;
import io.daos.agent.MutableClock;
import io.daos.agent.config.AgentConfig;
import io.daos.common.build.Component;
import io.daos.common.status.DaosStatus;
import io.daos.control.ChannelFactory;
import io.daos.control.ControlClient;
import io.daos.control.server.SystemNames;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.DrpcStatusException;
import io.daos.drpc.PeerCredentials;
import io.daos.drpc.client.DrpcClient;
import io.daos.drpc.server.DrpcCallContext;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.proto.drpc.Status;
import io.daos.proto.mgmt.ClientTelemetryReq;
import io.daos.proto.mgmt.ClientTelemetryResp;
import io.daos.proto.mgmt.GetAttachInfoReq;
import io.daos.proto.mgmt.GetAttachInfoResp;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MgmtModuleTest {
  private final String address = "ms-" + UUID.randomUUID() + ":10001";
  private final MutableClock clock = new MutableClock();
  private final AtomicBoolean shuttingDown = new AtomicBoolean();
  private FakeMs ms;
  private ControlClient client;
  private ProcessMonitor monitor;

  @AfterEach
  void tearDown() {
    if (monitor != null) {
      monitor.close();
    }
    if (client != null) {
      client.close();
    }
    if (ms != null) {
      ms.close();
    }
  }

  private DrpcClient agent(Duration expiration, boolean disabled) throws Exception {
    return agent(expiration, disabled, address, FakeMs.channels());
  }

  private DrpcClient agent(Duration expiration, boolean disabled, String ap, ChannelFactory channels)
      throws Exception {
    if (ms == null) {
      ms = new FakeMs(address);
    }
    AgentConfig cfg = AgentConfig.defaults().withAccessPoints(List.of(ap))
        .withTransport(AgentConfig.agentTransportDefaults().withAllowInsecure(true));
    client = ControlClient.builder().config(cfg.controlConfig()).component(Component.AGENT).insecure(true)
        .channelFactory(channels).build();
    AttachInfoCache cache = new AttachInfoCache(AttachInfoSource.ms(client, Duration.ofSeconds(5)), clock,
        expiration, disabled);
    monitor = new ProcessMonitor(PoolEvicter.ms(client, Duration.ofSeconds(5)));
    DrpcRegistry registry = new DrpcRegistry();
    new MgmtModule(cfg.name(), cache, new FabricSelector(cfg), monitor, shuttingDown::get).register(registry);
    return DrpcClient.direct(registry);
  }

  private static GetAttachInfoResp attach(DrpcClient c, String sys) throws Exception {
    return GetAttachInfoResp.parseFrom(c.call(DrpcMethod.MGMT_GET_ATTACH_INFO,
        GetAttachInfoReq.newBuilder().setSys(sys).build().toByteArray()));
  }

  record Case(String name, String sys, RuntimeException msErr, int expStatus) {
    @Override
    public String toString() {
      return name;
    }
  }

  // TestAgent_mgmtModule_getAttachInfo
  static Stream<Case> getAttachInfoCases() {
    return Stream.of(
        new Case("success", FakeMs.SYSTEM, null, 0),
        new Case("no sys succeeds", "", null, 0),
        new Case("non-matching system name", "other", null, DaosStatus.INVAL.code()),
        new Case("incompatible error", FakeMs.SYSTEM, SystemNames.wrongSystem("x", "y"),
            DaosStatus.CONTROL_INCOMPAT.code()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("getAttachInfoCases")
  void getAttachInfo(Case tc) throws Exception {
    try (DrpcClient c = agent(Duration.ZERO, false)) {
      ms.failWith = tc.msErr();
      GetAttachInfoResp resp = attach(c, tc.sys());
      assertEquals(tc.expStatus(), resp.getStatus());
      if (tc.expStatus() != 0) {
        return;
      }
      assertEquals(1, ms.attachInfoCalls.size());
      assertTrue(ms.attachInfoCalls.get(0).getAllRanks());
      assertEquals("ofi+tcp://127.0.0.1:31416", resp.getRankUris(0).getUri());
      assertEquals("ofi+tcp", resp.getClientNetHint().getProvider());
      assertEquals("lo", resp.getClientNetHint().getInterface());
      assertEquals("lo", resp.getClientNetHint().getDomain());
      assertEquals("lo", resp.getNumaFabricInterfaces(0).getIfaces(0).getInterface());
    }
  }

  @Test
  void msConnectionError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (DrpcClient c = agent(Duration.ZERO, false, "127.0.0.1:" + port, ChannelFactory.DEFAULT)) {
      assertEquals(DaosStatus.UNREACH.code(), attach(c, FakeMs.SYSTEM).getStatus());
    }
  }

  @Test
  void reqInterfaceDomain() throws Exception {
    try (DrpcClient c = agent(Duration.ZERO, false)) {
      GetAttachInfoResp resp = GetAttachInfoResp.parseFrom(c.call(DrpcMethod.MGMT_GET_ATTACH_INFO,
          GetAttachInfoReq.newBuilder().setInterface("eth7").build().toByteArray()));
      assertEquals("eth7", resp.getClientNetHint().getInterface());
      assertEquals("eth7", resp.getClientNetHint().getDomain());
    }
  }

  @Test
  void cacheHitMissAndExpiry() throws Exception {
    try (DrpcClient c = agent(Duration.ofMinutes(5), false)) {
      assertEquals(1, attach(c, FakeMs.SYSTEM).getDataVersion());
      clock.advance(Duration.ofMinutes(4));
      assertEquals(1, attach(c, FakeMs.SYSTEM).getDataVersion());
      assertEquals(1, ms.attachInfoCalls.size());
      clock.advance(Duration.ofMinutes(1));
      assertEquals(2, attach(c, FakeMs.SYSTEM).getDataVersion());
      assertEquals(2, ms.attachInfoCalls.size());
    }
  }

  @Test
  void cacheNeverExpiresWithZeroButRefreshes() throws Exception {
    AttachInfoCache cache = new AttachInfoCache(sys -> FakeMs.answer(clock.instant().getNano() + 7), clock,
        Duration.ZERO, false);
    cache.refresh();
    assertEquals(7, cache.get("").getDataVersion());
    clock.advance(Duration.ofDays(365));
    assertEquals(7, cache.get("").getDataVersion());
    clock.advance(Duration.ofNanos(1));
    cache.refresh();
    assertEquals(8, cache.get("").getDataVersion());
  }

  @Test
  void cacheDisabledAsksEveryTime() throws Exception {
    try (DrpcClient c = agent(Duration.ZERO, true)) {
      attach(c, FakeMs.SYSTEM);
      attach(c, FakeMs.SYSTEM);
      assertEquals(2, ms.attachInfoCalls.size());
    }
  }

  @Test
  void failuresAreNotCached() throws Exception {
    try (DrpcClient c = agent(Duration.ZERO, false)) {
      ms.failWith = SystemNames.wrongSystem("x", "y");
      assertEquals(DaosStatus.CONTROL_INCOMPAT.code(), attach(c, FakeMs.SYSTEM).getStatus());
      ms.failWith = null;
      assertEquals(0, attach(c, FakeMs.SYSTEM).getStatus());
    }
  }

  @Test
  void junkReq() throws Exception {
    try (DrpcClient c = agent(Duration.ZERO, false)) {
      DrpcStatusException e = assertThrows(DrpcStatusException.class,
          () -> c.call(DrpcMethod.MGMT_GET_ATTACH_INFO, new byte[] {(byte) 0xff, 1, 2}));
      assertEquals(Status.FAILED_UNMARSHAL_PAYLOAD, e.status());
    }
  }

  @Test
  void shuttingDownFailsCalls() throws Exception {
    try (DrpcClient c = agent(Duration.ZERO, false)) {
      shuttingDown.set(true);
      DrpcStatusException e = assertThrows(DrpcStatusException.class, () -> attach(c, FakeMs.SYSTEM));
      assertEquals(Status.FAILURE, e.status());
    }
  }

  // TestAgent_handleSetupClientTelemetry (an agent without telemetry_enabled holds no client metrics: DER_UNINIT)
  @Test
  void setupClientTelemetry() throws Exception {
    try (DrpcClient c = agent(Duration.ZERO, false)) {
      ClientTelemetryResp resp = ClientTelemetryResp.parseFrom(c.call(DrpcMethod.MGMT_SETUP_CLIENT_TELEM,
          ClientTelemetryReq.newBuilder().setSys("s").setJobid("job").setShmKey(42).build().toByteArray()));
      assertEquals(DaosStatus.UNINIT.code(), resp.getStatus());
      assertEquals(PeerCredentials.ofCurrentProcess().uid(), resp.getAgentUid());
      for (ClientTelemetryReq bad : List.of(ClientTelemetryReq.newBuilder().setJobid("").setShmKey(42).build(),
          ClientTelemetryReq.newBuilder().setJobid("job").build())) {
        DrpcStatusException e = assertThrows(DrpcStatusException.class,
            () -> c.call(DrpcMethod.MGMT_SETUP_CLIENT_TELEM, bad.toByteArray()));
        assertEquals(Status.FAILURE, e.status());
      }
    }
  }

  static DrpcCallContext ctx(long pid) {
    return new DrpcCallContext(DrpcMethod.MGMT_NOTIFY_POOL_CONNECT, 1, new PeerCredentials(pid, 0, 0));
  }
}
