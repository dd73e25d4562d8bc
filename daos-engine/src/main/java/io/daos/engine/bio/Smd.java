package io.daos.engine.bio;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's per-server metadata (DAOS {@code src/bio/smd}), kept in {@code <scm_mount>/daos_sys/smd}.
 *
 * <p>The first time the engine sees its bdevs, every data device gets a UUID and the targets are spread over them
 * as DAOS's bio does (each target to the data device with the fewest so far, i.e. round-robin). Later starts keep
 * the table: a configured bdev the table does not know yet is a NEW device with no targets (DAOS's hot-plugged
 * SSD, ready for {@code dmg storage replace nvme}), and a recorded device whose bdev is gone from the config is
 * UNPLUGGED. Every change is written through (temporary file, then rename) before it is answered.
 */
public final class Smd {
  private static final Logger LOG = LoggerFactory.getLogger(Smd.class);
  static final String FILE = "daos_sys/smd";

  private final Path file;
  private final List<SmdDev> devices = new ArrayList<>();

  private Smd(Path file) {
    this.file = file;
  }

  /** The SMD of an engine with {@code targets} targets, its SCM at {@code scmMount} and its bdevs {@code bdevs}. */
  public static Smd open(Path scmMount, List<Bdev> bdevs, int targets) {
    Smd smd = new Smd(scmMount.resolve(FILE));
    boolean first = !Files.exists(smd.file);
    if (!first) {
      smd.load();
    }
    smd.merge(bdevs, targets, first);
    if (!bdevs.isEmpty() || !first) {
      smd.store();
    }
    return smd;
  }

  private void merge(List<Bdev> bdevs, int targets, boolean first) {
    List<SmdDev> fresh = new ArrayList<>();
    for (Bdev b : bdevs) {
      if (find(d -> d.traddr().equals(b.traddr())).isEmpty()) {
        fresh.add(new SmdDev(UUID.randomUUID(), b.name(), b.traddr(), b.roleBits(), b.aio(), List.of(),
            SmdState.NEW, 0));
      }
    }
    for (int i = 0; i < devices.size(); i++) {
      SmdDev d = devices.get(i);
      boolean present = bdevs.stream().anyMatch(b -> b.traddr().equals(d.traddr()));
      if (!present && d.state() != SmdState.UNPLUGGED) {
        LOG.warn("SMD device {} ({}) is no longer in the engine's bdevs: UNPLUGGED", d.uuid(), d.traddr());
        devices.set(i, d.withState(SmdState.UNPLUGGED));
      } else if (present && d.state() == SmdState.UNPLUGGED) {
        devices.set(i, d.withState(d.tgts().isEmpty() ? SmdState.NEW : SmdState.NORMAL));
      }
    }
    if (first) {
      assign(fresh, targets);
    }
    devices.addAll(fresh);
  }

  /**
   * DAOS's hot-plug scan ({@code scan_bio_bdevs}) on the running engine: a bdev of {@code bdevs} that SMD does not
   * know yet becomes a NEW device with no targets (ready for {@code dmg storage replace nvme}), a recorded device
   * whose bdev is gone becomes UNPLUGGED and one that is back returns to its state. Returns the devices that
   * appeared or changed state, after writing the table through.
   */
  public synchronized List<SmdDev> scan(List<Bdev> bdevs) {
    List<SmdDev> before = List.copyOf(devices);
    merge(bdevs, 0, false);
    List<SmdDev> changed = devices.stream().filter(d -> !before.contains(d)).toList();
    if (!changed.isEmpty()) {
      store();
    }
    return changed;
  }

  /** DAOS's bio target assignment: each target to the data device holding the fewest targets so far. */
  private static void assign(List<SmdDev> fresh, int targets) {
    List<Integer> data = new ArrayList<>();
    for (int i = 0; i < fresh.size(); i++) {
      if (Bdev.holdsData(fresh.get(i).roleBits())) {
        data.add(i);
      }
    }
    if (data.isEmpty()) {
      return;
    }
    List<List<Integer>> tgts = new ArrayList<>();
    fresh.forEach(d -> tgts.add(new ArrayList<>()));
    for (int t = 0; t < targets; t++) {
      tgts.get(data.get(t % data.size())).add(t);
    }
    for (int i = 0; i < fresh.size(); i++) {
      SmdDev d = fresh.get(i);
      fresh.set(i, new SmdDev(d.uuid(), d.name(), d.traddr(), d.roleBits(), d.aio(), tgts.get(i),
          SmdState.NORMAL, 0));
    }
  }

  /** Every device, in the order the engine learnt of them. */
  public synchronized List<SmdDev> devices() {
    return List.copyOf(devices);
  }

  public synchronized Optional<SmdDev> byUuid(UUID uuid) {
    return find(d -> d.uuid().equals(uuid));
  }

  public synchronized Optional<SmdDev> byTraddr(String traddr) {
    return find(d -> d.traddr().equals(traddr));
  }

  private Optional<SmdDev> find(java.util.function.Predicate<SmdDev> p) {
    return devices.stream().filter(p).findFirst();
  }

  /**
   * DAOS's {@code ds_mgmt_dev_set_faulty}: the device becomes FAULTY (EVICTED); {@code DER_NONEXIST} when SMD has no
   * such device or it holds no targets. Setting a faulty device faulty again changes nothing.
   */
  public synchronized SmdDev setFaulty(UUID uuid) {
    SmdDev d = require(uuid);
    if (d.tgts().isEmpty()) {
      throw new DaosException(DaosStatus.NONEXIST, "device " + uuid + " holds no targets");
    }
    return replaceEntry(d, d.withState(SmdState.FAULTY));
  }

  /**
   * DAOS's {@code bio_replace_dev}: the old device must be FAULTY ({@code DER_INVAL} otherwise). The same UUID revives
   * it (NORMAL again); another UUID must be a NEW device (one SMD has not given targets), which takes over the old
   * device's targets and roles while the old one leaves SMD. Returns the device now holding the targets.
   */
  public synchronized SmdDev replace(UUID oldId, UUID newId) {
    SmdDev old = require(oldId);
    if (old.state() != SmdState.FAULTY) {
      throw new DaosException(DaosStatus.INVAL, "old device " + oldId + " is not FAULTY (it is " + old.state()
          + "); set it faulty first: dmg storage set nvme-faulty --uuid " + oldId);
    }
    if (oldId.equals(newId)) {
      return replaceEntry(old, old.withState(SmdState.NORMAL));
    }
    SmdDev nu = find(d -> d.uuid().equals(newId)).orElseThrow(() -> new DaosException(DaosStatus.INVAL,
        "new device " + newId + " not found; list the engine's devices with dmg storage query list-devices"));
    if (nu.state() != SmdState.NEW) {
      throw new DaosException(DaosStatus.INVAL, "new device " + newId + " is already used by DAOS (state "
          + nu.state() + ")");
    }
    SmdDev taken = nu.withTargets(old.tgts(), old.roleBits()).withState(SmdState.NORMAL);
    devices.remove(old);
    return replaceEntry(nu, taken);
  }

  /** Records {@code led} (a {@code ctl.LedState} number) as the device's LED state. */
  public synchronized SmdDev setLed(UUID uuid, int led) {
    SmdDev d = require(uuid);
    return replaceEntry(d, d.withLed(led));
  }

  private SmdDev require(UUID uuid) {
    return find(d -> d.uuid().equals(uuid)).orElseThrow(() -> new DaosException(DaosStatus.NONEXIST,
        "device " + uuid + " not found in SMD"));
  }

  private SmdDev replaceEntry(SmdDev was, SmdDev now) {
    devices.set(devices.indexOf(was), now);
    store();
    return now;
  }

  private void load() {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
      int n = Integer.parseInt(p.getProperty("devices", "0"));
      for (int i = 0; i < n; i++) {
        String k = "dev." + i + ".";
        String tg = p.getProperty(k + "tgts", "");
        List<Integer> tgts = tg.isEmpty() ? List.of()
            : Arrays.stream(tg.split(",")).map(Integer::parseInt).toList();
        devices.add(new SmdDev(UUID.fromString(p.getProperty(k + "uuid")), p.getProperty(k + "name"),
            p.getProperty(k + "traddr"), Integer.parseInt(p.getProperty(k + "roles", "0")),
            Boolean.parseBoolean(p.getProperty(k + "aio", "true")), tgts,
            SmdState.valueOf(p.getProperty(k + "state")), Integer.parseInt(p.getProperty(k + "led", "0"))));
      }
    } catch (IOException | RuntimeException e) {
      throw new DaosException(DaosStatus.IO, "cannot read the SMD table " + file + ": " + e.getMessage()
          + "; restore it or remove it (the engine then rebuilds it and gives devices new UUIDs)", e);
    }
  }

  private void store() {
    Properties p = new Properties();
    p.setProperty("devices", Integer.toString(devices.size()));
    for (int i = 0; i < devices.size(); i++) {
      SmdDev d = devices.get(i);
      String k = "dev." + i + ".";
      p.setProperty(k + "uuid", d.uuid().toString());
      p.setProperty(k + "name", d.name());
      p.setProperty(k + "traddr", d.traddr());
      p.setProperty(k + "roles", Integer.toString(d.roleBits()));
      p.setProperty(k + "aio", Boolean.toString(d.aio()));
      p.setProperty(k + "tgts", String.join(",", d.tgts().stream().map(String::valueOf).toList()));
      p.setProperty(k + "state", d.state().name());
      p.setProperty(k + "led", Integer.toString(d.led()));
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      try (Writer w = Files.newBufferedWriter(tmp)) {
        p.store(w, "DAOS per-server metadata (SMD): devices");
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "cannot write the SMD table " + file + ": " + e.getMessage(), e);
    }
  }
}
