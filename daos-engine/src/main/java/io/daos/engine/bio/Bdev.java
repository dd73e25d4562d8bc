package io.daos.engine.bio;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One bdev of {@code daos_nvme.conf}: its SPDK name ({@code AIO_<host>_<idx>_<tier>_<rolebits>} or {@code Nvme_...}),
 * its transport address (the file or kernel device of an AIO bdev, the PCI address of an NVMe one) and the role bits
 * the name ends with (DATA=1, META=2, WAL=4; 0 = no MD-on-SSD roles).
 */
public record Bdev(String name, String traddr, int roleBits, boolean aio) {

  /** The bdevs {@code conf} lists, in order; none when {@code conf} is empty (SCM-only engine) or missing. */
  public static List<Bdev> read(String conf) {
    if (conf == null || conf.isEmpty() || !Files.exists(Path.of(conf))) {
      return List.of();
    }
    try {
      return parse(Files.readString(Path.of(conf)));
    } catch (IOException e) {
      throw new DaosException(DaosStatus.IO, "cannot read the NVMe config " + conf + ": " + e.getMessage(), e);
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
      throw new DaosException(DaosStatus.INVAL, "the NVMe config " + conf + " is not SPDK JSON (" + e.getMessage()
          + "); let daos_server rewrite it: dmg storage format, or restart daos_server");
    }
  }

  static List<Bdev> parse(String json) {
    List<Bdev> out = new ArrayList<>();
    JsonObject root = JsonParser.parseString(json).getAsJsonObject();
    if (!root.has("subsystems")) {
      return out;
    }
    for (JsonElement s : root.getAsJsonArray("subsystems")) {
      JsonObject sub = s.getAsJsonObject();
      if (!"bdev".equals(sub.get("subsystem").getAsString())) {
        continue;
      }
      for (JsonElement m : sub.getAsJsonArray("config")) {
        JsonObject call = m.getAsJsonObject();
        String method = call.get("method").getAsString();
        JsonObject p = call.getAsJsonObject("params");
        if ("bdev_aio_create".equals(method)) {
          String name = p.get("name").getAsString();
          out.add(new Bdev(name, p.get("filename").getAsString(), roleBits(name), true));
        } else if ("bdev_nvme_attach_controller".equals(method)) {
          String name = p.get("name").getAsString();
          out.add(new Bdev(name, p.get("traddr").getAsString(), roleBits(name), false));
        }
      }
    }
    return out;
  }

  /** The role bits daos_server put at the end of the bdev's name; 0 when the name carries none. */
  static int roleBits(String name) {
    int at = name.lastIndexOf('_');
    try {
      return at < 0 ? 0 : Integer.parseInt(name.substring(at + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** DATA role, or no roles at all (then the device holds data, as DAOS treats a device without roles). */
  static boolean holdsData(int roleBits) {
    return roleBits == 0 || (roleBits & 1) != 0;
  }
}
