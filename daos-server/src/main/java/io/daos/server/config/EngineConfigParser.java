package io.daos.server.config;

import io.daos.server.config.engine.AccelProps;
import io.daos.server.config.engine.BdevAutoFaulty;
import io.daos.server.config.engine.BdevRoles;
import io.daos.server.config.engine.BdevTier;
import io.daos.server.config.engine.BusIdRange;
import io.daos.server.config.engine.ScmTier;
import io.daos.server.config.engine.SpdkIobuf;
import io.daos.server.config.engine.SpdkRpcServer;
import io.daos.server.config.engine.StorageClass;
import io.daos.server.config.engine.StorageTier;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code engines:} entries and their {@code storage:} tiers from the node tree. */
final class EngineConfigParser {
  private EngineConfigParser() {
  }

  static List<EngineConfig> readEngines(YamlMap top) {
    List<EngineConfig> out = new ArrayList<>();
    for (YamlMap e : top.mapList("engines")) {
      out.add(readEngine(e));
    }
    return out;
  }

  private static EngineConfig readEngine(YamlMap m) {
    EngineConfig.Builder b = EngineConfig.builder();
    Integer targets = m.int32("targets");
    if (targets != null) {
      b.targets(targets);
    }
    Integer helpers = m.int32("nr_xs_helpers");
    if (helpers != null) {
      b.nrXsHelpers(helpers);
    }
    b.firstCore(m.int32("first_core"));
    b.pinnedNumaNode(m.natural("pinned_numa_node"));
    b.bypassHealthChk(m.bool("bypass_health_chk"));
    b.fabric(ServerConfigParser.readFabric(m));
    b.logMask(m.str("log_mask"));
    b.logFile(m.str("log_file"));
    b.envVars(envList(m, "env_vars"));
    b.envPassThrough(m.strList("env_pass_through"));
    b.storage(readTiers(m));
    b.bdevAutoFaulty(readAutoFaulty(m.map("bdev_auto_faulty")));
    b.spdkIobuf(readIobuf(m.map("spdk_iobuf")));
    b.acceleration(readAccel(m.map("acceleration")));
    b.spdkRpcServer(readRpcServer(m.map("spdk_rpc_server")));
    m.str("modules"); // accepted as DAOS does; the server sets the module list itself
    m.rejectUnknown();
    return b.build();
  }

  private static List<String> envList(YamlMap m, String key) {
    List<String> vars = m.strList(key);
    if (vars == null) {
      return List.of();
    }
    for (String kv : vars) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw m.error(key, "bad entry '" + kv + "' in " + m.name(key) + ": want NAME=value");
      }
    }
    return vars;
  }

  private static List<StorageTier> readTiers(YamlMap m) {
    List<StorageTier> out = new ArrayList<>();
    for (YamlMap t : m.mapList("storage")) {
      out.add(readTier(t, out.size()));
    }
    return out;
  }

  private static StorageTier readTier(YamlMap t, int idx) {
    String cls = t.str("class");
    if (cls == null) {
      throw t.error("class", "missing 'class' in " + t.where() + ": want one of " + StorageClass.allNames());
    }
    StorageClass c = StorageClass.fromYaml(cls);
    if (c == null) {
      throw t.error("class", "unsupported storage class \"" + cls + "\" in " + t.where() + ": want one of "
          + StorageClass.allNames());
    }
    StorageTier tier = c.isScm() ? readScm(t, c, idx) : readBdev(t, c, idx);
    t.rejectUnknown();
    return tier;
  }

  private static ScmTier readScm(YamlMap t, StorageClass c, int idx) {
    Integer size = t.sizeGib("scm_size");
    return new ScmTier(idx, c, t.str("scm_mount"), size == null ? 0 : size, t.strList("scm_list"),
        t.bool("scm_hugepages_disabled"));
  }

  private static BdevTier readBdev(YamlMap t, StorageClass c, int idx) {
    Integer size = t.sizeGib("bdev_size");
    String range = t.str("bdev_busid_range");
    if (range != null && BusIdRange.parse(range) == null) {
      throw t.error("bdev_busid_range", "invalid busid range \"" + range + "\" for "
          + t.name("bdev_busid_range") + ": want <begin>-<end>, e.g. 0x80-0x8f");
    }
    List<String> roleNames = t.strList("bdev_roles");
    BdevRoles roles = roleNames == null ? BdevRoles.NONE : BdevRoles.parse(roleNames);
    if (roles == null) {
      throw t.error("bdev_roles", "unknown option flag in " + t.name("bdev_roles") + " " + roleNames
          + ": supported options are [data meta wal]");
    }
    t.integer("bdev_number"); // historical malloc class; accepted, unused
    return new BdevTier(idx, c, t.strList("bdev_list"), size == null ? 0 : size, range, roles);
  }

  private static BdevAutoFaulty readAutoFaulty(YamlMap m) {
    if (m == null) {
      return BdevAutoFaulty.NONE;
    }
    Boolean en = m.bool("enable");
    Integer io = m.natural("max_io_errs");
    Integer csum = m.natural("max_csum_errs");
    m.rejectUnknown();
    return new BdevAutoFaulty(en != null && en, io == null ? 0 : io, csum == null ? 0 : csum);
  }

  private static SpdkIobuf readIobuf(YamlMap m) {
    if (m == null) {
      return SpdkIobuf.NONE;
    }
    Integer small = m.natural("small_pool_count");
    Integer large = m.natural("large_pool_count");
    m.rejectUnknown();
    return new SpdkIobuf(small == null ? 0 : small, large == null ? 0 : large);
  }

  private static AccelProps readAccel(YamlMap m) {
    if (m == null) {
      return AccelProps.NONE;
    }
    String engine = m.str("engine");
    List<String> opts = m.strList("options");
    AccelProps p = AccelProps.of(engine, opts == null ? List.of() : opts);
    if (p == null) {
      throw m.error("engine", "unknown acceleration setting in " + m.where() + " (engine " + engine
          + ", options " + opts + "): supported engines are [none spdk dml], options [crc move]");
    }
    m.rejectUnknown();
    return p;
  }

  private static SpdkRpcServer readRpcServer(YamlMap m) {
    if (m == null) {
      return SpdkRpcServer.NONE;
    }
    Boolean en = m.bool("enable");
    SpdkRpcServer s = new SpdkRpcServer(en != null && en, m.str("sock_addr"));
    m.rejectUnknown();
    return s;
  }
}
