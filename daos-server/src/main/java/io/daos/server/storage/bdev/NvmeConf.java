package io.daos.server.storage.bdev;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.daos.server.config.engine.AccelProps;
import io.daos.server.config.engine.BdevTier;
import io.daos.server.config.engine.BusIdRange;
import io.daos.server.config.EngineConfig;
import io.daos.server.config.engine.StorageClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code daos_nvme.conf}: the SPDK-style JSON an engine reads for its bdevs, with DAOS's structure and naming
 * ({@code Nvme_<host>_<idx>_<tier>_<rolebits>} for NVMe, {@code AIO_<...>} with filename and block size 4096
 * for files, no block size for kdev). Hotplug is only enabled for NVMe tiers.
 */
public final class NvmeConf {
  static final int AIO_BLOCK_SIZE = 4096;
  static final long HOTPLUG_PERIOD_US = 5_000_000;

  private NvmeConf() {
  }

  /** The JSON text for {@code engine}'s bdev tiers. */
  public static String render(EngineConfig engine, String hostname, boolean vmdEnabled, boolean hotplugEnabled) {
    JsonArray daosData = new JsonArray();
    JsonArray subsystems = new JsonArray();
    JsonArray bdev = new JsonArray();
    bdev.add(method("bdev_set_options", obj("bdev_io_pool_size", 65536, "bdev_io_cache_size", 256)));
    JsonObject nvmeOpts = obj("transport_retry_count", 4, "timeout_us", 0, "nvme_adminq_poll_period_us", 100000);
    nvmeOpts.addProperty("action_on_timeout", "none");
    nvmeOpts.addProperty("nvme_ioq_poll_period_us", 0);
    bdev.add(method("bdev_nvme_set_options", nvmeOpts));
    subsystems.add(subsystem("bdev", bdev));
    boolean nvme = engine.bdevTiers().stream().anyMatch(t -> t.storageClass() == StorageClass.NVME);
    if (vmdEnabled && nvme) {
      JsonArray vmd = new JsonArray();
      vmd.add(method("vmd_enable", new JsonObject()));
      subsystems.add(subsystem("vmd", vmd));
    }
    daosDataProps(engine, daosData);
    for (BdevTier t : engine.bdevTiers()) {
      addDevices(bdev, t, hostname);
    }
    iobuf(engine, subsystems);
    hotplug(engine, bdev, daosData, vmdEnabled, hotplugEnabled && nvme);
    JsonObject root = new JsonObject();
    JsonObject dd = new JsonObject();
    dd.add("config", daosData);
    root.add("daos_data", dd);
    root.add("subsystems", subsystems);
    return new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n";
  }

  private static void addDevices(JsonArray bdev, BdevTier t, String host) {
    for (int i = 0; i < t.bdevList().size(); i++) {
      String dev = t.bdevList().get(i);
      String name = host + "_" + i + "_" + t.tier() + "_" + t.bdevRoles().bits();
      JsonObject p = new JsonObject();
      if (t.storageClass() == StorageClass.NVME) {
        p.addProperty("trtype", "PCIe");
        p.addProperty("name", "Nvme_" + name);
        p.addProperty("traddr", dev);
        bdev.add(method("bdev_nvme_attach_controller", p));
      } else {
        p.addProperty("block_size", t.storageClass() == StorageClass.FILE ? AIO_BLOCK_SIZE : 0);
        p.addProperty("name", "AIO_" + name);
        p.addProperty("filename", dev);
        bdev.add(method("bdev_aio_create", p));
      }
    }
  }

  private static void daosDataProps(EngineConfig e, JsonArray daosData) {
    AccelProps a = e.acceleration();
    if (!a.engine().equals(AccelProps.ENGINE_NONE) && a.options() != 0) {
      JsonObject p = new JsonObject();
      p.addProperty("accel_engine", a.engine());
      p.addProperty("accel_opts", a.options());
      daosData.add(method("accel_props", p));
    }
    if (e.spdkRpcServer().enable()) {
      JsonObject p = new JsonObject();
      p.addProperty("enable", true);
      p.addProperty("sock_addr", e.spdkRpcServer().sockAddr());
      daosData.add(method("spdk_rpc_srv", p));
    }
    if (e.bdevAutoFaulty().enable()) {
      JsonObject p = new JsonObject();
      p.addProperty("enable", true);
      p.addProperty("max_io_errs", e.bdevAutoFaulty().maxIoErrs());
      p.addProperty("max_csum_errs", e.bdevAutoFaulty().maxCsumErrs());
      daosData.add(method("auto_faulty", p));
    }
  }

  private static void iobuf(EngineConfig e, JsonArray subsystems) {
    if (e.spdkIobuf().isEmpty()) {
      return;
    }
    JsonObject p = new JsonObject();
    if (e.spdkIobuf().smallPoolCount() != 0) {
      p.addProperty("small_pool_count", e.spdkIobuf().smallPoolCount());
    }
    if (e.spdkIobuf().largePoolCount() != 0) {
      p.addProperty("large_pool_count", e.spdkIobuf().largePoolCount());
    }
    JsonArray cfg = new JsonArray();
    cfg.add(method("iobuf_set_options", p));
    subsystems.add(subsystem("iobuf", cfg));
  }

  private static void hotplug(EngineConfig e, JsonArray bdev, JsonArray daosData, boolean vmd, boolean enabled) {
    JsonObject hp = new JsonObject();
    hp.addProperty("enable", enabled);
    hp.addProperty("period_us", enabled ? HOTPLUG_PERIOD_US : 0);
    if (enabled) {
      String text = e.bdevTiers().get(0).bdevBusidRange();
      BusIdRange r = vmd || text == null ? BusIdRange.ALL : BusIdRange.parse(text);
      daosData.add(method("hotplug_busid_range", obj("begin", r.begin(), "end", r.end())));
    }
    bdev.add(method("bdev_nvme_set_hotplug", hp));
  }

  private static JsonObject method(String name, JsonObject params) {
    JsonObject m = new JsonObject();
    m.add("params", params);
    m.addProperty("method", name);
    return m;
  }

  private static JsonObject subsystem(String name, JsonArray config) {
    JsonObject s = new JsonObject();
    s.addProperty("subsystem", name);
    s.add("config", config);
    return s;
  }

  private static JsonObject obj(Object... kv) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < kv.length; i += 2) {
      o.addProperty((String) kv[i], (Number) kv[i + 1]);
    }
    return o;
  }

  /** Writes the file atomically (temp + rename), creating its directory. */
  public static void write(Path file, String json) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".daos_nvme", ".tmp");
    try {
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
