package io.daos.dmg.command.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.daos.proto.ctl.NvmeController;
import io.daos.proto.ctl.ScmModule;
import io.daos.proto.ctl.ScmNamespace;
import io.daos.proto.ctl.SmdDevice;
import io.daos.proto.ctl.SysMemInfo;
import java.util.List;

/** Protobuf storage inventory → DAOS HostStorage JSON (Go json tags of storage.* and common.SysMemInfo). */
final class StorageJson {
  private StorageJson() {
  }

  static JsonObject hostStorage(JsonArray nvme, JsonArray modules, JsonArray namespaces, JsonArray mounts,
      SysMemInfo mem) {
    JsonObject hs = new JsonObject();
    hs.add("nvme_devices", nvme);
    hs.add("scm_modules", modules);
    hs.add("scm_namespaces", namespaces);
    hs.add("scm_mount_points", mounts);
    hs.add("smd_info", JsonNull.INSTANCE);
    hs.addProperty("reboot_required", false);
    hs.add("mem_info", mem == null ? JsonNull.INSTANCE : memInfo(mem));
    return hs;
  }

  static JsonArray controllers(List<NvmeController> in) {
    JsonArray a = new JsonArray();
    in.forEach(c -> a.add(controller(c, "")));
    return a;
  }

  static JsonObject controller(NvmeController c, String info) {
    JsonObject o = new JsonObject();
    o.addProperty("info", info);
    o.addProperty("model", c.getModel());
    o.addProperty("serial", c.getSerial());
    o.addProperty("pci_addr", c.getPciAddr());
    o.addProperty("fw_rev", c.getFwRev());
    o.addProperty("vendor_id", c.getVendorId());
    o.addProperty("pci_type", c.getPciDevType());
    o.addProperty("socket_id", c.getSocketId());
    o.add("health_stats", c.hasHealthStats() ? HealthJson.of(c.getHealthStats()) : JsonNull.INSTANCE);
    JsonArray ns = new JsonArray();
    c.getNamespacesList().forEach(n -> {
      JsonObject j = new JsonObject();
      j.addProperty("id", n.getId());
      j.addProperty("size", n.getSize());
      ns.add(j);
    });
    o.add("namespaces", ns);
    JsonArray smd = new JsonArray();
    c.getSmdDevicesList().forEach(d -> smd.add(smdDevice(d, d.getRank())));
    o.add("smd_devices", smd);
    o.addProperty("dev_state", c.getDevState().name());
    o.addProperty("led_state", c.getLedState().name());
    return o;
  }

  /**
   * DAOS's storage.SmdDevice JSON: role_bits first (its MarshalJSON wrapper), then the struct's fields, roles as
   * text and the controller; {@code rank} where the response gives the rank outside the device.
   */
  static JsonObject smdDevice(SmdDevice d, int rank) {
    JsonObject o = new JsonObject();
    o.addProperty("role_bits", d.getRoleBits());
    o.addProperty("uuid", d.getUuid());
    JsonArray tgts = new JsonArray();
    d.getTgtIdsList().forEach(tgts::add);
    o.add("tgt_ids", tgts);
    o.addProperty("rank", Integer.toUnsignedLong(rank));
    o.addProperty("total_bytes", d.getTotalBytes());
    o.addProperty("avail_bytes", d.getAvailBytes());
    o.addProperty("usable_bytes", d.getUsableBytes());
    o.addProperty("cluster_size", d.getClusterSize());
    o.addProperty("meta_size", d.getMetaSize());
    o.addProperty("meta_wal_size", d.getMetaWalSize());
    o.addProperty("rdb_size", d.getRdbSize());
    o.addProperty("rdb_wal_size", d.getRdbWalSize());
    o.addProperty("roles", io.daos.dmg.output.storage.BdevRoles.text(d.getRoleBits()));
    o.addProperty("has_sys_xs", false);
    o.add("ctrlr", controller(d.getCtrlr(), ""));
    o.addProperty("ctrlr_namespace_id", d.getCtrlrNamespaceId());
    return o;
  }

  /** A HostStorage holding only SMD info (DAOS's SmdResp entries). */
  static JsonObject smdHostStorage(JsonObject smdInfo) {
    JsonObject hs = new JsonObject();
    hs.add("nvme_devices", JsonNull.INSTANCE);
    hs.add("scm_modules", JsonNull.INSTANCE);
    hs.add("scm_namespaces", JsonNull.INSTANCE);
    hs.add("scm_mount_points", JsonNull.INSTANCE);
    hs.add("smd_info", smdInfo == null ? JsonNull.INSTANCE : smdInfo);
    hs.addProperty("reboot_required", false);
    hs.add("mem_info", JsonNull.INSTANCE);
    return hs;
  }

  static JsonArray modules(List<ScmModule> in) {
    JsonArray a = new JsonArray();
    for (ScmModule m : in) {
      JsonObject o = new JsonObject();
      o.addProperty("channel_id", m.getChannelid());
      o.addProperty("channel_position", m.getChannelposition());
      o.addProperty("controller_id", m.getControllerid());
      o.addProperty("socket_id", m.getSocketid());
      o.addProperty("physical_id", m.getPhysicalid());
      o.addProperty("capacity", m.getCapacity());
      o.addProperty("uid", m.getUid());
      o.addProperty("part_number", m.getPartNumber());
      o.addProperty("firmware_revision", m.getFirmwareRevision());
      o.addProperty("health_state", m.getHealthState());
      a.add(o);
    }
    return a;
  }

  static JsonArray namespaces(List<ScmNamespace> in) {
    JsonArray a = new JsonArray();
    for (ScmNamespace n : in) {
      JsonObject o = new JsonObject();
      o.addProperty("uuid", n.getUuid());
      o.addProperty("blockdev", n.getBlockdev());
      o.addProperty("dev", n.getDev());
      o.addProperty("numa_node", n.getNumaNode());
      o.addProperty("size", n.getSize());
      o.add("mount", n.hasMount() ? mount(n.getMount(), "") : JsonNull.INSTANCE);
      a.add(o);
    }
    return a;
  }

  static JsonObject mount(ScmNamespace.Mount m, String info) {
    JsonObject o = new JsonObject();
    o.addProperty("class", m.getClass_());
    JsonArray devs = new JsonArray();
    m.getDeviceListList().forEach(devs::add);
    o.add("device_list", devs);
    o.addProperty("info", info);
    o.addProperty("path", m.getPath());
    o.addProperty("rank", m.getRank());
    o.addProperty("total_bytes", m.getTotalBytes());
    o.addProperty("avail_bytes", m.getAvailBytes());
    o.addProperty("usable_bytes", m.getUsableBytes());
    return o;
  }

  static JsonObject memInfo(SysMemInfo m) {
    JsonObject o = new JsonObject();
    o.addProperty("numa_node_index", 0);
    o.addProperty("hugepages_total", m.getHugepagesTotal());
    o.addProperty("hugepages_free", m.getHugepagesFree());
    o.addProperty("hugepages_reserved", m.getHugepagesReserved());
    o.addProperty("hugepages_surplus", m.getHugepagesSurplus());
    o.addProperty("hugepage_size_kb", m.getHugepageSizeKb());
    o.addProperty("mem_total_kb", m.getMemTotalKb());
    o.addProperty("mem_free_kb", m.getMemFreeKb());
    o.addProperty("mem_available_kb", m.getMemAvailableKb());
    o.addProperty("mem_used_kb", m.getMemTotalKb() - m.getMemFreeKb());
    JsonArray nodes = new JsonArray();
    m.getNumaNodesList().forEach(n -> {
      JsonObject j = new JsonObject();
      j.addProperty("numa_node_index", n.getNumaNodeIndex());
      j.addProperty("hugepages_total", n.getHugepagesTotal());
      j.addProperty("hugepages_free", n.getHugepagesFree());
      j.addProperty("hugepages_surplus", n.getHugepagesSurplus());
      j.addProperty("mem_total_kb", n.getMemTotalKb());
      j.addProperty("mem_free_kb", n.getMemFreeKb());
      j.addProperty("mem_used_kb", n.getMemUsedKb());
      nodes.add(j);
    });
    o.add("numa_nodes", nodes);
    return o;
  }
}
