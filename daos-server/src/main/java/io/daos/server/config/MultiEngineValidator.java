package io.daos.server.config;

import io.daos.server.config.engine.BdevTier;
import io.daos.server.config.engine.FabricConfig;
import io.daos.server.config.engine.ScmTier;
import io.daos.server.config.engine.StorageClass;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** DAOS validateMultiEngineConfig: resources engines must not share, and counts they must share. */
final class MultiEngineValidator {
  private static final Logger LOG = LoggerFactory.getLogger(MultiEngineValidator.class);

  private MultiEngineValidator() {
  }

  static void validate(ServerConfig cfg) {
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Integer> seenScm = new HashMap<>();
    Map<String, Integer> seenBdev = new HashMap<>();
    int seenIdx = -1;
    int seenBdevCount = -1;
    StorageClass seenCls = null;
    Boolean seenHuge = null;
    List<EngineConfig> engines = cfg.engines();
    for (int idx = 0; idx < engines.size(); idx++) {
      EngineConfig e = engines.get(idx);
      FabricConfig f = cfg.engineFabric(idx);
      Integer prev = seen.putIfAbsent("fabric:" + f.provider() + "-" + f.fabricIface() + "-" + f.fabricIfacePort(),
          idx);
      if (prev != null) {
        throw ConfigFaults.duplicateFabric(idx, prev);
      }
      if (!e.logFile().isEmpty() && (prev = seen.putIfAbsent("log_file:" + e.logFile(), idx)) != null) {
        throw ConfigFaults.duplicateLogFile(idx, prev);
      }
      for (ScmTier s : e.scmTiers()) {
        if ((prev = seen.putIfAbsent("scm_mount:" + s.scmMount(), idx)) != null) {
          throw ConfigFaults.duplicateScmMount(idx, prev);
        }
        for (String dev : s.scmList()) {
          if ((prev = seenScm.putIfAbsent(dev, idx)) != null) {
            throw ConfigFaults.duplicateScmDeviceList(idx, prev);
          }
        }
        if (seenIdx != -1 && s.storageClass() != seenCls) {
          throw ConfigFaults.scmDiffClass(idx, seenIdx);
        }
        if (seenIdx != -1 && !Objects.equals(s.scmHugepagesDisabled(), seenHuge)) {
          throw ConfigFaults.scmDiffHugeEnabled(idx, seenIdx);
        }
        seenCls = s.storageClass();
        seenHuge = s.scmHugepagesDisabled();
      }
      int bdevCount = 0;
      for (BdevTier b : e.bdevTiers()) {
        for (String dev : b.bdevList()) {
          bdevCount++;
          if ((prev = seenBdev.putIfAbsent(dev, idx)) != null && prev != idx) {
            throw ConfigFaults.overlappingBdevDeviceList(idx, prev);
          }
        }
      }
      if (seenIdx != -1) {
        EngineConfig p = engines.get(seenIdx);
        if (bdevCount != seenBdevCount) {
          LOG.info("the total number of bdev_list entries in all tiers is not equal across engines, engine {} "
              + "has {} but engine {} has {}", idx, bdevCount, seenIdx, seenBdevCount);
        }
        if (e.targets() != p.targets()) {
          throw ConfigFaults.targetCountMismatch(idx, e.targets(), seenIdx, p.targets());
        }
        if (e.nrXsHelpers() != p.nrXsHelpers()) {
          throw ConfigFaults.helperStreamCountMismatch(idx, e.nrXsHelpers(), seenIdx, p.nrXsHelpers());
        }
      }
      seenIdx = idx;
      seenBdevCount = bdevCount;
    }
  }
}
