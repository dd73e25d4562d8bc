package io.daos.server.engine;

import static io.daos.server.engine.HarnessFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.ranklist.Rank;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.RasEvents;
import io.daos.proto.ctl.RanksReq;
import io.daos.proto.ctl.ResponseStatus;
import io.daos.proto.ctl.StorageFormatReq;
import io.daos.proto.ctl.StorageFormatResp;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.JoinReq;
import io.daos.proto.shared.RASEvent;
import io.daos.server.ctl.CallDeadline;
import io.daos.server.ctl.RanksHandler;
import io.daos.server.ctl.StorageFormatHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An instance's life with the in-process fake engine: AwaitFormat, format, join, set-up, death, restart. */
class EngineInstanceTest {
  @TempDir
  Path tmp;
  private HarnessFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new HarnessFixture(tmp);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private void formatAndAwaitReady() {
    fx.start();
    await("AwaitFormat", fx.instance::isAwaitingFormat);
    assertEquals(LocalState.AWAIT_FORMAT, fx.instance.localState());
    StorageFormatResp resp = new StorageFormatHandler(fx.harness).format(StorageFormatReq.getDefaultInstance());
    assertEquals(ResponseStatus.CTL_SUCCESS, resp.getMrets(0).getState().getStatus(), resp.toString());
    await("ready", fx.instance::isReady);
  }

  @Test
  void awaitFormatThenFormatJoinsAndSetsUp() throws Exception {
    assertFalse(Files.exists(fx.socketDir.resolve("daos_engine_1.sock")), "stale engine socket removed");
    formatAndAwaitReady();

    assertTrue(fx.instance.storageReadyFuture().isDone());
    assertTrue(Files.size(fx.bdev) == 1L << 30, "sparse bdev file of bdev_size");
    assertTrue(Files.readString(fx.scm.resolve("daos_nvme.conf")).contains("bdev_aio_create"));
    JoinReq join = fx.ms.joins.get(0);
    FakeEngineLauncher.Engine engine = fx.launcher.last();
    assertEquals(0, join.getRank(), "bootstrap replica's engine 0 asks for rank 0");
    assertEquals("daos_server", join.getSys());
    assertEquals("ofi+tcp://127.0.0.1:31416", join.getUri());
    assertEquals("127.0.0.1:10001", join.getAddr());
    assertEquals("/host", join.getSrvFaultDomain());
    assertEquals(3, join.getNctxs());
    assertEquals(engine.pid(), join.getIncarnation());
    assertEquals(List.of(DrpcMethod.MGMT_SET_RANK, DrpcMethod.MGMT_SET_UP), engine.calls);
    assertEquals(0, engine.setRank.getRank());
    assertEquals(7, engine.setRank.getMapVersion());
    assertEquals(FakeMgmtService.FABRIC_KEY, engine.setRank.getFabricKey(), "the join's CART-J peer key goes on");

    Superblock sb = Superblock.read(fx.scm.resolve("superblock"));
    assertEquals(0, sb.rank());
    assertTrue(sb.validRank());
    assertEquals(join.getUuid(), sb.uuid());
    assertEquals("ofi+tcp://127.0.0.1:31416", sb.uri());
    assertEquals(LocalState.READY, fx.instance.localState());

    byte[] body = fx.harness.callDrpc(DrpcMethod.MGMT_PREP_SHUTDOWN, new byte[0]);
    assertEquals(0, DaosResp.parseFrom(body).getStatus());
  }

  @Test
  void engineDeathPublishesEngineDiedAndDoesNotRestart() throws Exception {
    formatAndAwaitReady();
    FakeEngineLauncher.Engine engine = fx.launcher.last();
    engine.exit("exit status 1");

    RASEvent ev = fx.ms.events.poll(10, TimeUnit.SECONDS);
    assertNotNull(ev, "engine_died forwarded");
    assertEquals(RasEvents.ENGINE_DIED, ev.getId());
    assertEquals(0, ev.getRank());
    assertEquals(engine.pid(), ev.getIncarnation());
    assertEquals("host", ev.getHostname());
    assertTrue(ev.getEngineStateInfo().getErrored());
    assertEquals("exit status 1", ev.getEngineStateInfo().getError());
    await("exit handled", () -> fx.instance.localState() == LocalState.STOPPED);
    assertFalse(Files.exists(engine.socketPath()), "engine socket removed");
    assertEquals("exit status 1", fx.instance.lastError().orElseThrow());
    assertEquals(1, fx.launcher.launched.size(), "no automatic restart");

    fx.instance.requestStart();
    await("restarted", fx.instance::isReady);
    assertEquals(2, fx.launcher.launched.size());
    assertEquals(0, fx.ms.joins.get(1).getRank(), "rank from the superblock");
  }

  @Test
  void stopRanksKeepsEngineDiedQuietAndStartRanksRestarts() throws Exception {
    formatAndAwaitReady();
    RanksHandler ranks = new RanksHandler(fx.harness, fx.events, Duration.ofMillis(10));
    RanksReq req = RanksReq.newBuilder().setRanks("0").build();

    assertEquals("stopped", ranks.stopRanks(req, CallDeadline.after(Duration.ofSeconds(10))).getResults(0).getState());
    assertEquals("exit status 0", fx.instance.lastError().orElseThrow());
    assertEquals("ready", ranks.startRanks(req, CallDeadline.after(Duration.ofSeconds(10))).getResults(0).getState());
    assertNull(fx.ms.events.poll(), "no engine_died during StopRanks");
  }

  @Test
  void resetFormatRanksRemovesSuperblockAndAwaitsFormat() throws Exception {
    formatAndAwaitReady();
    RanksHandler ranks = new RanksHandler(fx.harness, fx.events, Duration.ofMillis(10));
    RanksReq req = RanksReq.newBuilder().setRanks("0").build();
    ranks.stopRanks(req, CallDeadline.after(Duration.ofSeconds(10)));
    assertEquals("awaitformat",
        ranks.resetFormatRanks(req, CallDeadline.after(Duration.ofSeconds(10))).getResults(0).getState());
    assertFalse(Files.exists(fx.scm.resolve("superblock")));

    StorageFormatResp resp = new StorageFormatHandler(fx.harness).format(StorageFormatReq.getDefaultInstance());
    assertEquals("", resp.getMrets(0).getState().getInfo(), "a dir SCM without superblock is formatted afresh");
    assertEquals(ResponseStatus.CTL_SUCCESS, resp.getMrets(0).getState().getStatus());
    await("ready again", fx.instance::isReady);
    assertEquals(0, fx.ms.joins.get(1).getRank(), "the bootstrap engine asks for rank 0 again");
    assertTrue(!fx.ms.joins.get(1).getUuid().equals(fx.ms.joins.get(0).getUuid()), "new engine uuid");
  }

  @Test
  void closeStopsEngineWithoutEngineDied() throws Exception {
    formatAndAwaitReady();
    FakeEngineLauncher.Engine engine = fx.launcher.last();
    fx.harness.close();
    assertFalse(engine.isAlive());
    assertEquals("exit status 0", engine.onExit().get());
    assertNull(fx.ms.events.poll(200, TimeUnit.MILLISECONDS));
  }
}
