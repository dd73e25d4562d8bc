package io.daos.engine.bio;

import io.daos.drpc.RasEvents;
import io.daos.engine.ras.RasNotifier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running engine's look for hot-plugged and removed bdevs (DAOS {@code scan_bio_bdevs}, run by the init
 * xstream): it re-reads the engine's bdevs ({@code daos_nvme.conf}) every {@link #PERIOD}, and every
 * {@link #SHORT_PERIOD} after a scan that found a change, and hands them to {@link Smd#scan}. A device that appears
 * raises RAS {@code device_plugged} ("Detected hot plugged device: ..."), one that went away {@code device_unplugged}
 * ("Device: ... unplugged"), as DAOS's bio does.
 */
public final class BdevScanner {
  /** DAOS's {@code NVME_MONITOR_PERIOD}. */
  public static final Duration PERIOD = Duration.ofSeconds(60);
  /** DAOS's {@code NVME_MONITOR_SHORT_PERIOD}, after a scan that found a change. */
  public static final Duration SHORT_PERIOD = Duration.ofSeconds(3);
  private static final Logger LOG = LoggerFactory.getLogger(BdevScanner.class);

  private final String name;
  private final Smd smd;
  private final Supplier<List<Bdev>> bdevs;
  private final RasNotifier ras;

  /** Scans {@code bdevs} (read anew at each scan) into {@code smd}; {@code name} prefixes the log lines. */
  public BdevScanner(String name, Smd smd, Supplier<List<Bdev>> bdevs, RasNotifier ras) {
    this.name = name;
    this.smd = smd;
    this.bdevs = bdevs;
    this.ras = ras;
  }

  /** Scans every period on {@code timer} until it shuts down. */
  public void start(ScheduledExecutorService timer) {
    schedule(timer, PERIOD);
  }

  private void schedule(ScheduledExecutorService timer, Duration in) {
    try {
      timer.schedule(() -> schedule(timer, scan()), in.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("{}: bdev scan stops: the engine is stopping", name);
    }
  }

  /** One scan now; returns when the next one is due (a bdev list that cannot be read is logged and kept). */
  public Duration scan() {
    List<SmdDev> changed;
    try {
      changed = smd.scan(bdevs.get());
    } catch (RuntimeException e) {
      LOG.warn("{}: bdev scan: {}; devices unchanged", name, e.getMessage());
      return PERIOD;
    }
    for (SmdDev d : changed) {
      if (d.state() == SmdState.NEW) {
        ras.info(RasEvents.DEVICE_PLUGGED, RasEvents.SEVERITY_NOTICE, "Detected hot plugged device: " + d.name());
        LOG.info("{}: device {} ({}) is NEW device {}", name, d.name(), d.traddr(), d.uuid());
      } else if (d.state() == SmdState.UNPLUGGED) {
        ras.info(RasEvents.DEVICE_UNPLUGGED, RasEvents.SEVERITY_NOTICE, "Device: " + d.uuid() + " unplugged");
      } else {
        LOG.info("{}: SMD device {} ({}) is now {}", name, d.uuid(), d.traddr(), d.state());
      }
    }
    return changed.isEmpty() ? PERIOD : SHORT_PERIOD;
  }
}
