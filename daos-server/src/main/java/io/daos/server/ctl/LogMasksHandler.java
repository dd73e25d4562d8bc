package io.daos.server.ctl;

import io.daos.common.status.DaosStatus;
import io.daos.common.LogMasks;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.ctl.SetLogMasksReq;
import io.daos.proto.ctl.SetLogMasksResp;
import io.daos.server.config.EngineConfig;
import io.daos.server.engine.Engine;
import io.daos.server.engine.EngineHarness;
import java.util.List;

/**
 * SetEngineLogMasks (DAOS): for each engine, masks from the request (or the config's log_mask with
 * reset_masks; streams and subsystems from the config's DD_MASK and DD_SUBSYS env_vars with the reset
 * flags), subsystems merged into the masks, then dRPC SET_LOG_MASKS (238). One error string per engine.
 */
public final class LogMasksHandler {
  private final EngineHarness harness;
  private final List<EngineConfig> engineConfigs;

  public LogMasksHandler(EngineHarness harness, List<EngineConfig> engineConfigs) {
    this.harness = harness;
    this.engineConfigs = engineConfigs;
  }

  public SetLogMasksResp setLogMasks(SetLogMasksReq req) {
    if (req == null) {
      throw new CtlException("nil request");
    }
    SetLogMasksResp.Builder resp = SetLogMasksResp.newBuilder();
    for (Engine e : harness.instances()) {
      resp.addErrors(setOne(e, req));
    }
    return resp.build();
  }

  private String setOne(Engine e, SetLogMasksReq req) {
    SetLogMasksReq eReq;
    try {
      eReq = forEngine(engineConfigs.get(e.index()), req);
    } catch (IllegalArgumentException err) {
      return err.getMessage();
    }
    try {
      SetLogMasksResp r = SetLogMasksResp.parseFrom(e.callDrpc(DrpcMethod.MGMT_SET_LOG_MASKS, eReq.toByteArray()));
      return r.getStatus() == 0 ? "" : DaosStatus.fromCode(r.getStatus()).toString();
    } catch (Exception err) {
      return err.getMessage();
    }
  }

  /** DAOS's updateSetLogMasksReq. */
  static SetLogMasksReq forEngine(EngineConfig cfg, SetLogMasksReq req) {
    SetLogMasksReq.Builder b = req.toBuilder();
    String source = "request";
    if (req.getResetMasks()) {
      source = "config";
      b.setMasks(cfg.logMask() == null ? "" : cfg.logMask());
    }
    if (b.getMasks().isEmpty()) {
      throw new IllegalArgumentException("empty log masks in " + source);
    }
    if (req.getResetStreams()) {
      b.setStreams(envValue(cfg, "DD_MASK"));
    }
    if (req.getResetSubsystems()) {
      b.setSubsystems(envValue(cfg, "DD_SUBSYS"));
    }
    String problem = LogMasks.problem(b.getMasks());
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return b.setMasks(LogMasks.merge(b.getMasks(), b.getSubsystems())).setSubsystems("").build();
  }

  private static String envValue(EngineConfig cfg, String name) {
    for (String kv : cfg.envVars()) {
      if (kv.startsWith(name + "=")) {
        return kv.substring(name.length() + 1);
      }
    }
    return "";
  }
}
