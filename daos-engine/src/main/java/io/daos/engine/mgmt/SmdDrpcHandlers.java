package io.daos.engine.mgmt;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.RasEvents;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.engine.bio.Smd;
import io.daos.engine.bio.SmdDev;
import io.daos.engine.bio.SmdSpace;
import io.daos.engine.bio.SmdState;
import io.daos.engine.pool.EnginePool;
import io.daos.engine.pool.PoolTargets;
import io.daos.engine.ras.RasNotifier;
import io.daos.proto.ctl.BioHealthReq;
import io.daos.proto.ctl.BioHealthResp;
import io.daos.proto.ctl.DevManageResp;
import io.daos.proto.ctl.DevReplaceReq;
import io.daos.proto.ctl.LedAction;
import io.daos.proto.ctl.LedManageReq;
import io.daos.proto.ctl.LedState;
import io.daos.proto.ctl.NvmeController;
import io.daos.proto.ctl.SetFaultyReq;
import io.daos.proto.ctl.SmdDevResp;
import io.daos.proto.ctl.SmdDevice;
import io.daos.proto.ctl.SmdPoolResp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's SMD dRPC methods (DAOS {@code srv_drpc.c} → {@code srv_query.c}): SMD_LIST_DEVS (211),
 * SMD_LIST_POOLS (212), BIO_HEALTH_QUERY (210), DEV_SET_FAULTY (220), DEV_REPLACE (221) and LED_MANAGE (241).
 *
 * <p>A device set faulty has its targets marked DOWN in every pool with an NVMe tier on this engine, through the
 * pool service as for a failed target (POOL_EXCLUDE → rebuild); a replaced (or revived) device has them
 * reintegrated (POOL_REINT). Both run after the reply, as DAOS's faulty reaction and auto-reintegration do.
 * File and kernel devices have no VMD LED: as DAOS answers for a non-VMD device, a GET reports NA and a SET takes
 * the requested state (recorded in SMD).
 */
public final class SmdDrpcHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(SmdDrpcHandlers.class);

  /** Marks targets of this rank DOWN ({@code reint} false) or reintegrates them in one pool; a DAOS status. */
  @FunctionalInterface
  public interface TargetUpdater {
    int update(UUID pool, boolean reint, int rank, List<Integer> tgts);
  }

  private final String name;
  private final Smd smd;
  private final PoolTargets pools;
  private final IntSupplier rank;
  private final TargetUpdater updater;
  private final Executor background;
  private final Clock clock;
  private final RasNotifier ras;

  /** {@code ras} raises DAOS's device_set_faulty, device_replace and device_led_set as bio does. */
  public SmdDrpcHandlers(String name, Smd smd, PoolTargets pools, IntSupplier rank, TargetUpdater updater,
      Executor background, Clock clock, RasNotifier ras) {
    this.name = name;
    this.smd = smd;
    this.pools = pools;
    this.rank = rank;
    this.updater = updater;
    this.background = background;
    this.clock = clock;
    this.ras = ras;
  }

  public DrpcRegistry registerOn(DrpcRegistry r) {
    return r.register(DrpcMethod.MGMT_SMD_LIST_DEVS, (c, b) -> listDevices().toByteArray())
        .register(DrpcMethod.MGMT_SMD_LIST_POOLS, (c, b) -> listPools().toByteArray())
        .register(DrpcMethod.MGMT_BIO_HEALTH_QUERY, (c, b) -> health(BioHealthReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_DEV_SET_FAULTY, (c, b) -> setFaulty(SetFaultyReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_DEV_REPLACE, (c, b) -> replace(DevReplaceReq.parseFrom(b)).toByteArray())
        .register(DrpcMethod.MGMT_LED_MANAGE, (c, b) -> led(LedManageReq.parseFrom(b)).toByteArray());
  }

  SmdDevResp listDevices() {
    SmdDevResp.Builder resp = SmdDevResp.newBuilder();
    smd.devices().forEach(d -> resp.addDevices(device(d, LedState.NA)));
    return resp.build();
  }

  /** The device as SMD lists it: its controller is the bdev's transport address, with state and LED. */
  static SmdDevice device(SmdDev d, LedState led) {
    NvmeController.Builder c = NvmeController.newBuilder().setPciAddr(d.traddr()).setDevState(d.state().wire())
        .setLedState(led).setModel(d.aio() ? "AIO" : "");
    return SmdDevice.newBuilder().setUuid(d.uuid().toString()).addAllTgtIds(d.tgts()).setRoleBits(d.roleBits())
        .setCtrlr(c).setCtrlrNamespaceId(d.aio() ? 0 : 1).build();
  }

  /** Pools with an NVMe tier here, each with every target and the id (inode) of each target's blob. */
  SmdPoolResp listPools() {
    SmdPoolResp.Builder resp = SmdPoolResp.newBuilder();
    for (UUID u : pools.list()) {
      EnginePool p = pools.find(u).orElse(null);
      if (p == null || p.tiers().nvmeBytes() == 0) {
        continue;
      }
      SmdPoolResp.Pool.Builder pb = SmdPoolResp.Pool.newBuilder().setUuid(u.toString());
      for (int t = 0; t < p.targetCount(); t++) {
        pb.addTgtIds(t).addBlobs(blobId(p.dir(), t));
      }
      resp.addPools(pb);
    }
    return resp.build();
  }

  private static long blobId(Path poolDir, int tgt) {
    Path blob = io.daos.engine.vos.VosPool.path(poolDir, tgt).resolve(io.daos.engine.vos.store.Store.BLOB_FILE);
    try {
      return ((Number) Files.getAttribute(blob, "unix:ino")).longValue();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return 0;
    }
  }

  BioHealthResp health(BioHealthReq q) {
    try {
      SmdDev d = smd.byUuid(uuid(q.getDevUuid())).orElseThrow(() -> new DaosException(DaosStatus.NONEXIST,
          "device " + q.getDevUuid() + " not found in SMD"));
      return BioHealthResp.newBuilder().setDevUuid(d.uuid().toString()).setTimestamp(clock.instant().getEpochSecond())
          .setTotalBytes(SmdSpace.totalBytes(d)).setAvailBytes(SmdSpace.availBytes(d, pools))
          .setClusterSize(SmdSpace.CLUSTER_SIZE).build();
    } catch (DaosException e) {
      LOG.error("{}: BIO health query of {}: {}", name, q.getDevUuid(), e.getMessage());
      return BioHealthResp.newBuilder().setStatus(e.status().code()).build();
    }
  }

  DevManageResp setFaulty(SetFaultyReq q) {
    try {
      SmdDev d = smd.setFaulty(uuid(q.getUuid()));
      ras.info(RasEvents.DEVICE_SET_FAULTY, RasEvents.SEVERITY_NOTICE, "Device: " + d.uuid() + " set faulty");
      LOG.warn("{}: device {} ({}) set FAULTY; marking targets {} DOWN in its pools", name, d.uuid(), d.traddr(),
          d.tgts());
      background.execute(() -> updatePools(d, false));
      return DevManageResp.newBuilder().setDevice(device(d, LedState.NA)).build();
    } catch (DaosException e) {
      LOG.error("{}: set-faulty {}: {}", name, q.getUuid(), e.getMessage());
      ras.info(RasEvents.DEVICE_SET_FAULTY, RasEvents.SEVERITY_ERROR, "Device: " + q.getUuid() + " set faulty failed: "
          + e.status().code());
      return DevManageResp.newBuilder().setStatus(e.status().code()).build();
    }
  }

  DevManageResp replace(DevReplaceReq q) {
    try {
      SmdDev d = smd.replace(uuid(q.getOldDevUuid()), uuid(q.getNewDevUuid()));
      ras.info(RasEvents.DEVICE_REPLACE, RasEvents.SEVERITY_NOTICE, "Replaced device: " + q.getOldDevUuid()
          + " with device " + q.getNewDevUuid());
      LOG.info("{}: device {} replaced by {} ({}); reintegrating targets {}", name, q.getOldDevUuid(), d.uuid(),
          d.traddr(), d.tgts());
      background.execute(() -> updatePools(d, true));
      return DevManageResp.newBuilder().setDevice(device(d, LedState.NA)).build();
    } catch (DaosException e) {
      LOG.error("{}: replace {} with {}: {}", name, q.getOldDevUuid(), q.getNewDevUuid(), e.getMessage());
      ras.info(RasEvents.DEVICE_REPLACE, RasEvents.SEVERITY_ERROR, "Replaced device: " + q.getOldDevUuid()
          + " with device: " + q.getNewDevUuid() + " failed: " + e.status().code());
      return DevManageResp.newBuilder().setStatus(e.status().code()).build();
    }
  }

  /** The device's targets DOWN (or reintegrated) in every pool with NVMe here; failures are logged. */
  private void updatePools(SmdDev d, boolean reint) {
    int self = rank.getAsInt();
    for (UUID u : pools.list()) {
      EnginePool p = pools.find(u).orElse(null);
      if (p == null || p.tiers().nvmeBytes() == 0) {
        continue;
      }
      int st = updater.update(u, reint, self, d.tgts());
      if (st != 0) {
        LOG.error("{}: pool {}: {} targets {} of device {} failed: {}", name, u, reint ? "reintegrating"
            : "excluding", d.tgts(), d.uuid(), DaosStatus.fromCode(st));
      }
    }
  }

  /**
   * LED_MANAGE for one device named by transport address or UUID. No VMD here: GET answers NA; SET records and
   * answers the requested state; RESET sets ON for a faulty device and OFF otherwise (DAOS's {@code led_manage}).
   */
  DevManageResp led(LedManageReq q) {
    try {
      SmdDev d = smd.byTraddr(q.getIds()).or(() -> parseUuid(q.getIds()).flatMap(smd::byUuid))
          .orElseThrow(() -> new DaosException(DaosStatus.NONEXIST, "no device " + q.getIds()));
      LedState shown = switch (q.getLedAction()) {
        case GET -> LedState.NA;
        case SET -> {
          if (q.getLedState() == LedState.NA || q.getLedState() == LedState.UNRECOGNIZED) {
            throw new DaosException(DaosStatus.INVAL, "LED SET needs a state");
          }
          yield q.getLedState();
        }
        case RESET -> d.state() == SmdState.FAULTY ? LedState.ON : LedState.OFF;
        default -> throw new DaosException(DaosStatus.INVAL, "unknown LED action " + q.getLedActionValue());
      };
      if (q.getLedAction() != LedAction.GET) {
        d = smd.setLed(d.uuid(), shown.getNumber());
        ras.info(RasEvents.DEVICE_LED_SET, RasEvents.SEVERITY_NOTICE, "LED on device " + d.traddr()
            + " set to state " + shown);
      }
      return DevManageResp.newBuilder().setDevice(device(d, shown)).build();
    } catch (DaosException e) {
      LOG.error("{}: LED {} on {}: {}", name, q.getLedAction(), q.getIds(), e.getMessage());
      return DevManageResp.newBuilder().setStatus(e.status().code()).build();
    }
  }

  private static java.util.Optional<UUID> parseUuid(String s) {
    try {
      return java.util.Optional.of(UUID.fromString(s));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private static UUID uuid(String s) {
    return parseUuid(s).orElseThrow(() -> new DaosException(DaosStatus.INVAL, "invalid device UUID '" + s + "'"));
  }
}
