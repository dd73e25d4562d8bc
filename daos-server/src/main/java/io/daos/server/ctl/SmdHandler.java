package io.daos.server.ctl;

import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.ctl.BioHealthReq;
import io.daos.proto.ctl.DevManageResp;
import io.daos.proto.ctl.LedManageReq;
import io.daos.proto.ctl.NvmeController;
import io.daos.proto.ctl.SmdDevice;
import io.daos.proto.ctl.SmdManageReq;
import io.daos.proto.ctl.SmdManageResp;
import io.daos.proto.ctl.SmdPoolResp;
import io.daos.proto.ctl.SmdQueryReq;
import io.daos.proto.ctl.SmdQueryResp;
import io.daos.server.engine.Engine;
import io.daos.server.engine.EngineFaults;
import io.daos.server.engine.EngineHarness;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * SmdQuery and SmdManage (DAOS {@code server/ctl_smd_rpc.go}): the engines' SMD devices and pools over dRPC, and
 * set-faulty, replace and LED actions sent to the engine that holds the device.
 */
public final class SmdHandler {
  /** DAOS's NilRank: no rank filter. */
  static final int NIL_RANK = -1;

  private final EngineHarness harness;

  public SmdHandler(EngineHarness harness) {
    this.harness = harness;
  }

  public SmdQueryResp query(SmdQueryReq req) throws IOException {
    ready();
    if (!req.getUuid().isEmpty() && !req.getOmitDevices() && !req.getOmitPools()) {
      throw new CtlException("UUID is ambiguous when querying both pools and devices");
    }
    SmdQueryResp.Builder resp = SmdQueryResp.newBuilder();
    if (!req.getOmitDevices()) {
      for (Engine e : engines(req.getRank())) {
        resp.addRanks(queryDevices(e, req));
      }
    }
    if (!req.getOmitPools()) {
      for (Engine e : engines(req.getRank())) {
        resp.addRanks(queryPools(e, req.getUuid()));
      }
    }
    return resp.build();
  }

  private void ready() {
    if (!harness.isStarted()) {
      throw EngineFaults.harnessNotStarted();
    }
    if (harness.readyRanks().isEmpty()) {
      throw EngineFaults.dataPlaneNotStarted();
    }
  }

  /** The ready engines, only {@code rank}'s unless it is NilRank. */
  private List<Engine> engines(int rank) {
    List<Engine> out = new ArrayList<>();
    for (Engine e : harness.instances()) {
      if (e.isReady() && e.rank().isPresent() && (rank == NIL_RANK || e.rank().get().toUint32() == rank)) {
        out.add(e);
      }
    }
    return out;
  }

  private static int rankOf(Engine e) {
    return e.rank().orElseThrow().toUint32();
  }

  /** DAOS's smdQueryEngine: the devices, one if a UUID is asked for, with BIO health when asked. */
  static SmdQueryResp.RankResp queryDevices(Engine e, SmdQueryReq req) throws IOException {
    SmdQueryResp.RankResp.Builder rr = SmdQueryResp.RankResp.newBuilder().setRank(rankOf(e));
    for (SmdDevice d : EngineSmd.devices(e)) {
      if (!req.getUuid().isEmpty() && !d.getUuid().equals(req.getUuid())) {
        continue;
      }
      SmdDevice.Builder b = d.toBuilder().setRank(rankOf(e));
      if (req.getIncludeBioHealth() && EngineSmd.hasHealth(d)) {
        b.getCtrlrBuilder().setHealthStats(EngineSmd.health(e, BioHealthReq.newBuilder().setDevUuid(d.getUuid())
            .build()));
      }
      rr.addDevices(b);
    }
    return rr.build();
  }

  private static SmdQueryResp.RankResp queryPools(Engine e, String uuid) throws IOException {
    SmdQueryResp.RankResp.Builder rr = SmdQueryResp.RankResp.newBuilder().setRank(rankOf(e));
    for (SmdPoolResp.Pool p : EngineSmd.pools(e, rankOf(e)).getPoolsList()) {
      if (uuid.isEmpty() || p.getUuid().equals(uuid)) {
        rr.addPools(SmdQueryResp.Pool.newBuilder().setUuid(p.getUuid()).addAllTgtIds(p.getTgtIdsList())
            .addAllBlobs(p.getBlobsList()));
      }
    }
    return rr.build();
  }

  public SmdManageResp manage(SmdManageReq req) throws IOException {
    ready();
    return switch (req.getOpCase()) {
      case FAULTY -> single(req.getFaulty().getUuid(), DrpcMethod.MGMT_DEV_SET_FAULTY, req.getFaulty().toByteArray());
      case REPLACE -> single(req.getReplace().getOldDevUuid(), DrpcMethod.MGMT_DEV_REPLACE,
          req.getReplace().toByteArray());
      case LED -> led(req.getLed());
      default -> throw new CtlException("Unrecognized operation in SmdManageReq: " + req.getOpCase());
    };
  }

  /** A device of one engine: its UUID and transport address. */
  private record Dev(String uuid, String trAddr) {
  }

  /**
   * DAOS's mapIDsToEngine: comma-separated UUIDs and transport addresses (here also bdev paths) to the engines
   * holding them; empty ids select every device when {@code useTrAddr}. Every id must be found.
   */
  private Map<Engine, List<Dev>> mapIds(String ids, boolean useTrAddr) throws IOException {
    Set<String> uuids = new LinkedHashSet<>();
    Set<String> addrs = new LinkedHashSet<>();
    boolean all = ids.isEmpty();
    if (all && !useTrAddr) {
      throw new CtlException("mapping device identifiers to engine: empty id string");
    }
    for (String t : all ? new String[0] : ids.split(",")) {
      String tok = t.trim();
      if (io.daos.common.Uuids.isCanonical(tok)) {
        uuids.add(UUID.fromString(tok).toString());
      } else if (useTrAddr && !tok.isEmpty()) {
        addrs.add(tok);
      } else {
        throw new CtlException("mapping device identifiers to engine: req id entry \"" + tok
            + "\" is neither a valid device pci address or uuid");
      }
    }
    Map<Engine, List<Dev>> out = new LinkedHashMap<>();
    for (Engine e : engines(NIL_RANK)) {
      for (SmdDevice d : EngineSmd.devices(e)) {
        String addr = d.getCtrlr().getPciAddr();
        boolean uuidHit = uuids.remove(d.getUuid());
        boolean addrHit = addrs.remove(addr);
        if (useTrAddr && !addr.isEmpty() && (all || uuidHit || addrHit)) {
          out.computeIfAbsent(e, k -> new ArrayList<>()).add(new Dev("", addr));
        } else if (uuidHit) {
          out.computeIfAbsent(e, k -> new ArrayList<>()).add(new Dev(d.getUuid(), addr));
        }
      }
    }
    List<String> missing = new ArrayList<>(uuids);
    missing.addAll(addrs);
    if (!missing.isEmpty()) {
      throw new CtlException("mapping device identifiers to engine: ids requested but not found: ["
          + String.join(" ", missing) + "]");
    }
    return out;
  }


  /** Set-faulty and replace: one device on one engine; the result carries only the status, as DAOS's. */
  private SmdManageResp single(String id, DrpcMethod m, byte[] body) throws IOException {
    Map<Engine, List<Dev>> map = mapIds(id, false);
    if (map.size() != 1) {
      throw new CtlException("request expects only one engine in device map");
    }
    Engine e = map.keySet().iterator().next();
    DevManageResp r = send(e, m, body);
    return SmdManageResp.newBuilder().addRanks(SmdManageResp.RankResp.newBuilder().setRank(rankOf(e))
        .addResults(SmdManageResp.Result.newBuilder().setStatus(r.getStatus()))).build();
  }

  private static DevManageResp send(Engine e, DrpcMethod m, byte[] body) throws IOException {
    if (!e.isReady()) {
      return DevManageResp.newBuilder().setStatus(DaosStatus.UNREACH.code()).build();
    }
    return DevManageResp.parseFrom(e.callDrpc(m, body));
  }

  /** LED actions: one LED_MANAGE per device, by transport address; results sorted by rank. */
  private SmdManageResp led(LedManageReq req) throws IOException {
    Map<Engine, List<Dev>> map = mapIds(req.getIds(), true);
    if (map.isEmpty()) {
      throw new CtlException("LED request expects at least one engine in device map");
    }
    TreeMap<Integer, SmdManageResp.RankResp> byRank = new TreeMap<>();
    for (Map.Entry<Engine, List<Dev>> en : map.entrySet()) {
      SmdManageResp.RankResp.Builder rr = SmdManageResp.RankResp.newBuilder().setRank(rankOf(en.getKey()));
      for (Dev d : en.getValue()) {
        if (d.trAddr().isEmpty()) {
          throw new CtlException("device UUID " + d.uuid() + " not resolved to a PCI address");
        }
        DevManageResp r = send(en.getKey(), DrpcMethod.MGMT_LED_MANAGE, req.toBuilder().setIds(d.trAddr()).build()
            .toByteArray());
        SmdManageResp.Result.Builder res = SmdManageResp.Result.newBuilder().setStatus(r.getStatus());
        if (r.hasDevice()) {
          res.setDevice(r.getDevice());
        } else if (r.getStatus() != 0) {
          res.setDevice(SmdDevice.newBuilder().setUuid(d.uuid()).setCtrlr(NvmeController.newBuilder()
              .setPciAddr(d.trAddr())));
        }
        rr.addResults(res);
      }
      byRank.put(rr.getRank(), rr.build());
    }
    return SmdManageResp.newBuilder().addAllRanks(byRank.values()).build();
  }
}
