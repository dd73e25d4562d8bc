package io.daos.server.config;

import io.daos.server.config.engine.BdevRoles;
import io.daos.server.config.engine.BdevTier;
import io.daos.server.config.engine.ScmTier;
import io.daos.server.config.engine.StorageClass;
import io.daos.server.config.engine.StorageTier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** DAOS's storage tier checks ({@code TierConfigs.Validate}, bdev roles, control metadata) for one engine. */
final class StorageTierValidator {
  private static final Pattern PCI = Pattern.compile("([0-9a-fA-F]{4}|[0-9a-fA-F]{6}):[0-9a-fA-F]{2}:"
      + "[0-9a-fA-F]{2}\\.[0-7]");

  private StorageTierValidator() {
  }

  static void validate(EngineConfig e, ControlMetadata md, int idx) {
    List<StorageTier> tiers = e.storage();
    if (tiers.isEmpty()) {
      throw EngineConfigValidator.fail(idx, "no storage tiers configured",
          "add a 'storage' list with an SCM tier (class ram, dcpm or dir) to engine " + idx);
    }
    if (e.scmTiers().isEmpty()) {
      throw ConfigFaults.scmConfigTierMissing();
    }
    List<BdevTier> bdevs = e.bdevTiers();
    boolean real = bdevs.stream().anyMatch(b -> b.storageClass() == StorageClass.NVME && !b.bdevList().isEmpty());
    boolean emul = bdevs.stream().anyMatch(b -> b.storageClass() != StorageClass.NVME && !b.bdevList().isEmpty());
    if (real && emul) {
      throw ConfigFaults.bdevConfigTierTypeMismatch();
    }
    for (StorageTier t : tiers) {
      String p = t instanceof ScmTier s ? scmProblem(s) : bdevProblem((BdevTier) t);
      if (p != null) {
        throw EngineConfigValidator.fail(idx, "tier " + t.tier() + " failed validation: " + p,
            "fix storage tier " + t.tier() + " of engine " + idx + " and restart daos_server");
      }
    }
    validateRoles(e, idx);
    validateControlMetadata(e, md);
  }

  private static String scmProblem(ScmTier s) {
    if (s.scmMount() == null || s.scmMount().isEmpty()) {
      return "no scm_mount set";
    }
    switch (s.storageClass()) {
      case DCPM -> {
        if (s.scmSize() > 0) {
          return "scm_size may not be set when class is dcpm";
        }
        if (s.scmList().isEmpty()) {
          return "scm_list must be set when class is dcpm";
        }
      }
      case RAM -> {
        if (!s.scmList().isEmpty()) {
          return "scm_list may not be set when class is ram";
        }
        long bytes = (long) s.scmSize() << 30;
        if (s.scmSize() != 0 && bytes < ConfigDefaults.MIN_RAMDISK_BYTES) {
          throw ConfigFaults.ramdiskUnderMinMem(bytes, ConfigDefaults.MIN_RAMDISK_BYTES);
        }
      }
      default -> {
        if (!s.scmList().isEmpty()) {
          return "scm_list may not be set when class is dir";
        }
      }
    }
    return s.scmList().size() > 1 ? "scm_list may have at most 1 devices" : null;
  }

  private static String bdevProblem(BdevTier b) {
    if (b.bdevSize() < 0) {
      return "negative bdev_size";
    }
    Set<String> seen = new HashSet<>();
    for (String d : b.bdevList()) {
      if (!seen.add(d)) {
        return "bdev_list: duplicate entry " + d;
      }
    }
    return switch (b.storageClass()) {
      case FILE -> b.bdevList().isEmpty() ? "class file requires non-empty bdev_list"
          : b.bdevSize() == 0 ? "class file requires non-zero bdev_size" : null;
      case KDEV -> b.bdevList().isEmpty() ? "class kdev requires non-empty bdev_list" : null;
      default -> b.bdevList().isEmpty() || !b.bdevList().stream().allMatch(a -> PCI.matcher(a).matches())
          ? "class nvme requires valid PCI addresses in bdev_list" : null;
    };
  }

  private static void validateRoles(EngineConfig e, int idx) {
    List<ScmTier> scms = e.scmTiers();
    if (scms.size() != 1 || scms.get(0).tier() != 0) {
      throw EngineConfigValidator.fail(idx, "first storage tier is not scm",
          "put exactly one SCM tier first in the storage list of engine " + idx);
    }
    List<BdevTier> bcs = e.bdevTiers();
    int wal = 0;
    int meta = 0;
    int data = 0;
    for (int i = 0; i < bcs.size(); i++) {
      BdevRoles r = bcs.get(i).bdevRoles();
      boolean any = wal + meta + data > 0;
      if (r.isEmpty()) {
        if (any) {
          throw ConfigFaults.bdevRolesMissing();
        }
        continue;
      }
      if (i != 0 && !any) {
        throw ConfigFaults.bdevRolesMissing();
      }
      if (r.hasWal() && r.hasData() && !r.hasMeta()) {
        throw ConfigFaults.bdevRolesWalDataNoMeta();
      }
      wal += r.hasWal() ? 1 : 0;
      meta += r.hasMeta() ? 1 : 0;
      data += r.hasData() ? 1 : 0;
    }
    if (wal + meta + data == 0) {
      if (bcs.size() > 1) {
        throw ConfigFaults.bdevMultiTiersWithoutRoles();
      }
      return;
    }
    checkRoleCounts(scms.get(0), bcs.size(), wal, meta, data, idx);
  }

  private static void checkRoleCounts(ScmTier scm, int nBdev, int wal, int meta, int data, int idx) {
    if (scm.storageClass() == StorageClass.DCPM) {
      throw ConfigFaults.bdevRolesWithDcpm();
    }
    if (scm.storageClass() != StorageClass.RAM) {
      throw EngineConfigValidator.fail(idx, "unexpected scm class " + scm.storageClass() + " with bdev_roles",
          "MD-on-SSD roles need SCM class ram");
    }
    if (nBdev > 3) {
      throw ConfigFaults.bdevBadNrTiersWithRoles();
    }
    if (wal != 1) {
      throw ConfigFaults.bdevBadNrRoles("WAL", wal, 1);
    }
    if (meta != 1) {
      throw ConfigFaults.bdevBadNrRoles("Meta", meta, 1);
    }
    if (data != 1) {
      throw ConfigFaults.bdevBadNrRoles("Data", data, 1);
    }
  }

  private static void validateControlMetadata(EngineConfig e, ControlMetadata md) {
    boolean hasPath = md != null && md.hasPath();
    if (e.bdevTiers().isEmpty()) {
      if (hasPath) {
        throw ConfigFaults.bdevControlMetadataNoRoles();
      }
      return;
    }
    if (hasPath && !e.hasBdevRoleMeta()) {
      throw ConfigFaults.bdevControlMetadataNoRoles();
    }
    if (!hasPath && e.hasBdevRoleMeta()) {
      throw ConfigFaults.bdevRolesNoControlMetadata();
    }
  }
}
