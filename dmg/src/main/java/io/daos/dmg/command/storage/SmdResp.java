package io.daos.dmg.command.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.daos.common.status.DaosStatus;
import io.daos.dmg.command.CommandError;
import io.daos.dmg.output.HostErrors;
import io.daos.dmg.output.storage.HostStorageMap;
import io.daos.proto.ctl.NvmeDevState;
import io.daos.proto.ctl.SmdDevice;
import io.daos.proto.ctl.SmdManageResp;
import io.daos.proto.ctl.SmdQueryResp;
import java.util.ArrayList;
import java.util.List;

/**
 * DAOS's control.SmdResp: host errors and a HostStorageMap whose entries hold only SMD info (devices with their
 * ranks, pools by UUID with one entry per rank). JSON {@code {"host_errors": ..., "host_storage_map": ...}}.
 */
final class SmdResp {
  final HostErrors errors = new HostErrors();
  final HostStorageMap hsm = new HostStorageMap();

  /** DAOS's addHostQueryResponse; {@code evictedOnly} keeps only faulty (EVICTED) devices. */
  void addQuery(String addr, SmdQueryResp pb, boolean evictedOnly) {
    JsonArray devices = new JsonArray();
    JsonObject pools = new JsonObject();
    for (SmdQueryResp.RankResp rr : pb.getRanksList()) {
      for (SmdDevice d : rr.getDevicesList()) {
        if (!evictedOnly || d.getCtrlr().getDevState() == NvmeDevState.EVICTED) {
          devices.add(StorageJson.smdDevice(d, rr.getRank()));
        }
      }
      for (SmdQueryResp.Pool p : rr.getPoolsList()) {
        JsonObject o = new JsonObject();
        o.addProperty("uuid", p.getUuid());
        JsonArray tgts = new JsonArray();
        p.getTgtIdsList().forEach(tgts::add);
        o.add("tgt_ids", tgts);
        JsonArray blobs = new JsonArray();
        p.getBlobsList().forEach(b -> blobs.add(new java.math.BigInteger(Long.toUnsignedString(b))));
        o.add("blobs", blobs);
        o.addProperty("rank", Integer.toUnsignedLong(rr.getRank()));
        if (!pools.has(p.getUuid())) {
          pools.add(p.getUuid(), new JsonArray());
        }
        pools.getAsJsonArray(p.getUuid()).add(o);
      }
    }
    JsonObject info = new JsonObject();
    info.add("devices", devices.isEmpty() ? JsonNull.INSTANCE : devices);
    info.add("pools", pools);
    hsm.add(addr, StorageJson.smdHostStorage(info));
  }

  /**
   * DAOS's addHostManageResponse and getHostManageRespErr: the devices the results carry, and one host error
   * ("rank R: &lt;id&gt; &lt;status&gt;", joined by ", ") when any result failed.
   */
  void addManage(String addr, SmdManageResp pb) {
    List<String> failed = new ArrayList<>();
    JsonArray devices = new JsonArray();
    for (SmdManageResp.RankResp rr : pb.getRanksList()) {
      for (SmdManageResp.Result r : rr.getResultsList()) {
        if (r.getStatus() != 0) {
          String id = "";
          if (r.hasDevice()) {
            id = (r.getDevice().getUuid().isEmpty() ? r.getDevice().getCtrlr().getPciAddr()
                : r.getDevice().getUuid()) + " ";
          }
          failed.add("rank " + Integer.toUnsignedString(rr.getRank()) + ": " + id
              + DaosStatus.fromCode(r.getStatus()));
        }
        if (r.hasDevice()) {
          devices.add(StorageJson.smdDevice(r.getDevice(), rr.getRank()));
        }
      }
    }
    if (!failed.isEmpty()) {
      errors.add(addr, new CommandError(String.join(", ", failed)));
    }
    JsonObject info = null;
    if (!devices.isEmpty()) {
      info = new JsonObject();
      info.add("devices", devices);
      info.add("pools", JsonNull.INSTANCE);
    }
    hsm.add(addr, StorageJson.smdHostStorage(info));
  }

  JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.add("host_errors", errors.toJson());
    o.add("host_storage_map", hsm.toJson());
    return o;
  }

  CommandError error() {
    String s = errors.summary();
    return s == null ? null : new CommandError(s);
  }
}
