package io.daos.server.ctl;

import io.daos.common.Ticker;
import io.daos.common.fault.Fault;
import io.daos.proto.ctl.NvmeControllerResult;
import io.daos.proto.ctl.ResponseState;
import io.daos.proto.ctl.ResponseStatus;
import io.daos.proto.ctl.ScmMountResult;
import io.daos.proto.ctl.StorageFormatReq;
import io.daos.proto.ctl.StorageFormatResp;
import io.daos.server.engine.Engine;
import io.daos.server.engine.EngineHarness;
import io.daos.server.engine.EngineInstance;
import io.daos.server.engine.EngineStorage;
import io.daos.server.engine.launch.Signal;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * StorageFormat as DAOS's ctl_storage_rpc.go: per engine, format SCM (or report "SCM is already
 * formatted"), then its bdevs and daos_nvme.conf unless SCM was already formatted, then release the
 * instance from AwaitFormat. A running engine is refused unless reformat, which kills it first.
 */
public final class StorageFormatHandler {
  private static final Logger LOG = LoggerFactory.getLogger(StorageFormatHandler.class);
  static final String NIL_BDEV_ADDRESS = "<nil>";
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);
  private static final Duration STOP_POLL = Duration.ofMillis(20);

  private final EngineHarness harness;
  private final Ticker ticker;

  public StorageFormatHandler(EngineHarness harness) {
    this(harness, Ticker.SYSTEM);
  }

  /** As above; {@code ticker} times the wait for an instance to stop before a reformat. */
  public StorageFormatHandler(EngineHarness harness, Ticker ticker) {
    this.harness = harness;
    this.ticker = ticker;
  }

  public StorageFormatResp format(StorageFormatReq req) {
    if (req == null) {
      throw new CtlException("nil request");
    }
    StorageFormatResp.Builder resp = StorageFormatResp.newBuilder();
    List<Engine> instances = harness.instances();
    if (req.getReplace() && instances.stream().allMatch(e -> isFormatted(storage(e)))) {
      throw new CtlException("format replace option only valid if at least one engine requires scm-format but "
          + "currently no engines need scm-format");
    }
    for (Engine e : instances) {
      if (e instanceof EngineInstance ei && formatInstance(ei, req.getReformat(), resp)) {
        ei.notifyStorageReady(req.getReplace());
      }
    }
    return resp.build();
  }

  private static EngineStorage storage(Engine e) {
    return ((EngineInstance) e).storage();
  }

  /** Formats one instance's storage; returns true if it is now usable. */
  private boolean formatInstance(EngineInstance ei, boolean reformat, StorageFormatResp.Builder resp) {
    EngineStorage st = ei.storage();
    String mnt = st.scmMount().toString();
    boolean alreadyFormatted = isFormatted(st) && !reformat;
    if (alreadyFormatted) {
      resp.addMrets(mountResult(ei, mnt, null, "SCM is already formatted"));
      resp.addCrets(cret(NIL_BDEV_ADDRESS, null,
          String.format("NVMe format skipped on instance %d, SCM was not formatted", ei.index())));
      return true;
    }
    try {
      stopForReformat(ei, reformat);
      st.formatScm(reformat);
      resp.addMrets(mountResult(ei, mnt, null, ""));
    } catch (Exception err) {
      LOG.error("instance {}: SCM format failed: {}", ei.index(), err.getMessage());
      resp.addMrets(mountResult(ei, mnt, err.getMessage(), err instanceof Fault f ? f.resolutionLine() : ""));
      resp.addCrets(cret(NIL_BDEV_ADDRESS, null,
          String.format("NVMe format skipped on instance %d, SCM format failed", ei.index())));
      return false;
    }
    return formatBdevs(ei, resp);
  }

  private static boolean isFormatted(EngineStorage st) {
    try {
      return st.scmFormatted();
    } catch (Exception e) {
      return false;
    }
  }

  private void stopForReformat(EngineInstance ei, boolean reformat) throws Exception {
    if (!ei.isStarted()) {
      return;
    }
    if (!reformat) {
      throw new IllegalStateException("instance " + ei.index() + ": can't format storage of running instance");
    }
    LOG.info("forcibly stopping instance {} prior to reformat", ei.index());
    ei.stop(Signal.SIGKILL);
    long until = ticker.nanoTime() + STOP_WAIT.toNanos();
    while (ei.isStarted() && ticker.nanoTime() - until < 0) {
      ticker.sleep(STOP_POLL);
    }
    ei.requestStart();
  }

  private boolean formatBdevs(EngineInstance ei, StorageFormatResp.Builder resp) {
    EngineStorage st = ei.storage();
    if (st.bdevDevices().isEmpty()) {
      return true;
    }
    try {
      st.formatBdevs();
      st.writeNvmeConfig();
    } catch (Exception err) {
      LOG.error("instance {}: bdev format failed: {}", ei.index(), err.getMessage());
      resp.addCrets(cret(NIL_BDEV_ADDRESS, err.getMessage(), ""));
      return false;
    }
    st.bdevDevices().forEach(d -> resp.addCrets(cret(d, null, "")));
    return true;
  }

  private static ScmMountResult mountResult(EngineInstance ei, String mnt, String err, String info) {
    return ScmMountResult.newBuilder().setMntpoint(mnt).setInstanceidx(ei.index())
        .setState(state(err, ResponseStatus.CTL_ERR_SCM, info)).build();
  }

  private static NvmeControllerResult cret(String addr, String err, String info) {
    return NvmeControllerResult.newBuilder().setPciAddr(addr)
        .setState(state(err, ResponseStatus.CTL_ERR_NVME, info)).build();
  }

  /** DAOS's newResponseState. */
  static ResponseState state(String err, ResponseStatus bad, String info) {
    ResponseState.Builder b = ResponseState.newBuilder().setInfo(info);
    if (err != null) {
      b.setStatus(bad).setError(err);
    }
    return b.build();
  }
}
