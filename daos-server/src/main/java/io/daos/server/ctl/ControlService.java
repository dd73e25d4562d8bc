package io.daos.server.ctl;

import io.daos.control.errors.GrpcErrors;
import io.daos.proto.ctl.CollectLogReq;
import io.daos.proto.ctl.CollectLogResp;
import io.daos.proto.ctl.CtlSvcGrpc;
import io.daos.proto.ctl.NetworkScanReq;
import io.daos.proto.ctl.NvmeAddDeviceReq;
import io.daos.proto.ctl.NvmeAddDeviceResp;
import io.daos.proto.ctl.NvmeRebindReq;
import io.daos.proto.ctl.NvmeRebindResp;
import io.daos.proto.ctl.SmdManageReq;
import io.daos.proto.ctl.SmdManageResp;
import io.daos.proto.ctl.SmdQueryReq;
import io.daos.proto.ctl.SmdQueryResp;
import io.daos.proto.ctl.NetworkScanResp;
import io.daos.proto.ctl.RanksReq;
import io.daos.proto.ctl.RanksResp;
import io.daos.proto.ctl.SetLogMasksReq;
import io.daos.proto.ctl.SetLogMasksResp;
import io.daos.proto.ctl.StorageFormatReq;
import io.daos.proto.ctl.StorageFormatResp;
import io.daos.proto.ctl.StorageScanReq;
import io.daos.proto.ctl.StorageScanResp;
import io.daos.server.config.EngineConfig;
import io.daos.server.engine.EngineHarness;
import io.daos.server.engine.RasPublisher;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CtlSvc (per-host control service): a thin adapter from gRPC to the handlers. Methods not overridden
 * answer UNIMPLEMENTED. Rank operations take their deadline from the gRPC call (default 2 minutes).
 */
public final class ControlService extends CtlSvcGrpc.CtlSvcImplBase {
  private static final Logger LOG = LoggerFactory.getLogger(ControlService.class);
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  private final RanksHandler ranks;
  private final StorageScanHandler scan;
  private final StorageFormatHandler format;
  private final NetworkScanHandler network;
  private final LogMasksHandler logMasks;
  private final SmdHandler smd;
  private final NvmeDeviceHandler nvmeDevices;
  private CollectLogHandler collectLog;
  private CheckEngineRepairHandler checkRepair;

  /** The CtlSvc of a server whose engines are {@code harness}, configured by {@code engineConfigs}. */
  public ControlService(EngineHarness harness, RasPublisher events, List<EngineConfig> engineConfigs) {
    this(new RanksHandler(harness, events, Duration.ofMillis(500)),
        new StorageScanHandler(harness, new SysMemInfoReader()), new StorageFormatHandler(harness),
        new NetworkScanHandler(), new LogMasksHandler(harness, engineConfigs), new SmdHandler(harness),
        new NvmeDeviceHandler(engineConfigs));
  }

  ControlService(RanksHandler ranks, StorageScanHandler scan, StorageFormatHandler format,
      NetworkScanHandler network, LogMasksHandler logMasks, SmdHandler smd, NvmeDeviceHandler nvmeDevices) {
    this.ranks = ranks;
    this.scan = scan;
    this.format = format;
    this.network = network;
    this.logMasks = logMasks;
    this.smd = smd;
    this.nvmeDevices = nvmeDevices;
  }

  @Override
  public void smdQuery(SmdQueryReq req, StreamObserver<SmdQueryResp> out) {
    reply("SmdQuery", out, () -> smd.query(req));
  }

  @Override
  public void smdManage(SmdManageReq req, StreamObserver<SmdManageResp> out) {
    reply("SmdManage", out, () -> smd.manage(req));
  }

  @Override
  public void storageNvmeRebind(NvmeRebindReq req, StreamObserver<NvmeRebindResp> out) {
    reply("StorageNvmeRebind", out, () -> nvmeDevices.rebind(req));
  }

  @Override
  public void storageNvmeAddDevice(NvmeAddDeviceReq req, StreamObserver<NvmeAddDeviceResp> out) {
    reply("StorageNvmeAddDevice", out, () -> nvmeDevices.addDevice(req));
  }

  /** Serves CheckEngineRepair with {@code handler} (without one, CheckEngineRepair answers UNIMPLEMENTED). */
  public ControlService checkRepairWith(CheckEngineRepairHandler handler) {
    this.checkRepair = handler;
    return this;
  }

  @Override
  public void checkEngineRepair(io.daos.proto.ctl.CheckEngineActReq req,
      StreamObserver<io.daos.proto.ctl.CheckEngineActResp> out) {
    if (checkRepair == null) {
      super.checkEngineRepair(req, out);
      return;
    }
    reply("CheckEngineRepair", out, () -> checkRepair.repair(req));
  }

  /** Serves CollectLog with {@code handler} (without one, CollectLog answers UNIMPLEMENTED). */
  public ControlService collectLogWith(CollectLogHandler handler) {
    this.collectLog = handler;
    return this;
  }

  @Override
  public void collectLog(CollectLogReq req, StreamObserver<CollectLogResp> out) {
    if (collectLog == null) {
      super.collectLog(req, out);
      return;
    }
    reply("CollectLog", out, () -> collectLog.collectLog(req));
  }

  @Override
  public void storageScan(StorageScanReq req, StreamObserver<StorageScanResp> out) {
    reply("StorageScan", out, () -> scan.scan(req));
  }

  @Override
  public void storageFormat(StorageFormatReq req, StreamObserver<StorageFormatResp> out) {
    reply("StorageFormat", out, () -> format.format(req));
  }

  @Override
  public void networkScan(NetworkScanReq req, StreamObserver<NetworkScanResp> out) {
    reply("NetworkScan", out, () -> network.scan(req));
  }

  @Override
  public void setEngineLogMasks(SetLogMasksReq req, StreamObserver<SetLogMasksResp> out) {
    reply("SetEngineLogMasks", out, () -> logMasks.setLogMasks(req));
  }

  @Override
  public void prepShutdownRanks(RanksReq req, StreamObserver<RanksResp> out) {
    CallDeadline d = deadline();
    reply("PrepShutdownRanks", out, () -> ranks.prepShutdownRanks(req, d));
  }

  @Override
  public void stopRanks(RanksReq req, StreamObserver<RanksResp> out) {
    CallDeadline d = deadline();
    reply("StopRanks", out, () -> ranks.stopRanks(req, d));
  }

  @Override
  public void startRanks(RanksReq req, StreamObserver<RanksResp> out) {
    CallDeadline d = deadline();
    reply("StartRanks", out, () -> ranks.startRanks(req, d));
  }

  @Override
  public void resetFormatRanks(RanksReq req, StreamObserver<RanksResp> out) {
    CallDeadline d = deadline();
    reply("ResetFormatRanks", out, () -> ranks.resetFormatRanks(req, d));
  }

  private static CallDeadline deadline() {
    Context ctx = Context.current();
    Deadline d = ctx.getDeadline();
    Duration timeout = d == null ? DEFAULT_TIMEOUT : Duration.ofNanos(d.timeRemaining(TimeUnit.NANOSECONDS));
    return CallDeadline.after(timeout, ctx::isCancelled);
  }

  private static <T> void reply(String method, StreamObserver<T> out, Call<T> call) {
    T resp;
    try {
      resp = call.run();
    } catch (Exception e) {
      LOG.debug("CtlSvc {} failed: {}", method, e.getMessage());
      out.onError(GrpcErrors.toStatusRuntimeException(e));
      return;
    }
    out.onNext(resp);
    out.onCompleted();
  }

  @FunctionalInterface
  private interface Call<T> {
    T run() throws Exception;
  }
}
