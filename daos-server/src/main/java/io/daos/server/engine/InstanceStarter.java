package io.daos.server.engine;

import io.daos.drpc.RasEvents;
import io.daos.proto.srv.NotifyReadyReq;
import io.daos.server.engine.launch.EngineProcess;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One start of an instance (DAOS's startRunner): wait for formatted storage, create the superblock, run the
 * storage-ready callbacks, launch the engine, wait for its NotifyReady and set it up.
 */
final class InstanceStarter {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceStarter.class);

  private final EngineInstance ei;
  private final InstanceRunLoop loop;
  private final InstanceSettings cfg;

  InstanceStarter(EngineInstance ei, InstanceRunLoop loop) {
    this.ei = ei;
    this.loop = loop;
    this.cfg = ei.cfg;
  }

  void start() throws Exception {
    boolean replace = awaitStorageReady();
    createSuperblock();
    ei.fireStorageReady();
    CompletableFuture<NotifyReadyReq> ready = loop.newDrpcReady();
    EngineProcess p = cfg.launcher.launch(cfg.launchSpecs.create(ei.checkerMode()));
    ei.setProcess(p);
    loop.watch(p, ready);
    NotifyReadyReq req = InstanceRunLoop.await(ready);
    new InstanceSetup(ei, replace).handleReady(req);
    ei.setReady(true);
    LOG.info("engine {}: ready (rank {}, pid {})", cfg.index, ei.rank().map(Object::toString).orElse("?"), p.pid());
  }

  /** Blocks in AwaitFormat unless SCM is formatted and the superblock exists; returns the replace flag. */
  private boolean awaitStorageReady() throws IOException, InterruptedException {
    LOG.info("Checking daos_engine instance {} storage ...", cfg.index);
    boolean scmMounted = scmMounted();
    if (scmMounted) {
      ei.loadSuperblock();
      if (ei.superblock().isPresent()) {
        return false;
      }
    }
    String formatType = scmMounted ? "Metadata" : "SCM";
    LOG.info("{} format required on instance {}", formatType, cfg.index);
    ei.setAwaitingFormat(true);
    try {
      cfg.events.publish(RasEvents.engineFormatRequired(cfg.hostname, cfg.index, formatType), false);
      boolean replace = loop.awaitStorageReady();
      LOG.info("daos_engine instance {} storage ready{}", cfg.index, replace ? ", attempting to replace rank..." : "");
      return replace;
    } finally {
      ei.setAwaitingFormat(false);
    }
  }

  private boolean scmMounted() {
    try {
      return cfg.storage.scmMounted();
    } catch (IOException e) {
      LOG.error("instance {}: failed to check storage formatting: {}", cfg.index, e.getMessage());
      return false;
    }
  }

  private void createSuperblock() throws IOException {
    ei.loadSuperblock();
    if (ei.superblock().isPresent()) {
      return;
    }
    if (!cfg.storage.scmMounted()) {
      throw new IOException("instance " + cfg.index + ": SCM " + cfg.storage.scmMount()
          + " is not formatted; run dmg storage format");
    }
    Superblock sb = Superblock.create(cfg.systemName, cfg.faultDomain);
    LOG.debug("index {}: creating {}: (uuid: {})", cfg.index, cfg.storage.superblockPath(), sb.uuid());
    ei.setSuperblock(sb);
  }
}
