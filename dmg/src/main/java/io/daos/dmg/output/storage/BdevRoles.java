package io.daos.dmg.output.storage;

import java.util.ArrayList;
import java.util.List;

/** DAOS's BdevRoles text: "NA" without roles, else the role names (data, meta, wal) joined by commas. */
public final class BdevRoles {
  private static final String[] NAMES = {"data", "meta", "wal"};

  private BdevRoles() {
  }

  public static String text(int bits) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < NAMES.length; i++) {
      if ((bits & (1 << i)) != 0) {
        names.add(NAMES[i]);
      }
    }
    return names.isEmpty() ? "NA" : String.join(",", names);
  }
}
