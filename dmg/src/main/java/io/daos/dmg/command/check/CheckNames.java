package io.daos.dmg.command.check;

import io.daos.dmg.command.CommandError;
import io.daos.proto.chk.CheckInconsistAction;
import io.daos.proto.chk.CheckInconsistClass;
import io.daos.proto.mgmt.CheckInconsistPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Class and action names as dmg takes them (DAOS SystemCheckFindingClass/RepairAction FromString): the enum name
 * with or without its {@code CIC_}/{@code CIA_} prefix; policies as {@code CLASS:ACTION[,CLASS:ACTION...]}.
 */
public final class CheckNames {
  private CheckNames() {
  }

  public static CheckInconsistClass checkClass(String in) {
    String n = in.trim().toUpperCase(Locale.ROOT);
    try {
      CheckInconsistClass c = CheckInconsistClass.valueOf(n.startsWith("CIC_") ? n : "CIC_" + n);
      if (c != CheckInconsistClass.UNRECOGNIZED) {
        return c;
      }
    } catch (IllegalArgumentException e) {
      // fall through to the error
    }
    throw new CommandError("invalid inconsistency class \"" + in + "\"");
  }

  public static CheckInconsistAction action(String in) {
    String n = in.trim().toUpperCase(Locale.ROOT);
    try {
      CheckInconsistAction a = CheckInconsistAction.valueOf(n.startsWith("CIA_") ? n : "CIA_" + n);
      if (a != CheckInconsistAction.UNRECOGNIZED) {
        return a;
      }
    } catch (IllegalArgumentException e) {
      // fall through to the error
    }
    throw new CommandError("invalid inconsistency action \"" + in + "\"");
  }

  /** Parses {@code CLASS:ACTION[,CLASS:ACTION...]}; null or blank gives none. */
  public static List<CheckInconsistPolicy> policies(String arg) {
    List<CheckInconsistPolicy> out = new ArrayList<>();
    if (arg == null || arg.isBlank()) {
      return out;
    }
    for (String pair : arg.split(",")) {
      String[] kv = pair.split(":", 2);
      if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
        throw new CommandError("invalid policy \"" + pair + "\" (want CLASS:ACTION, e.g. POOL_BAD_LABEL:TRUST_PS)");
      }
      out.add(CheckInconsistPolicy.newBuilder().setInconsistCas(checkClass(kv[0])).setInconsistAct(action(kv[1]))
          .build());
    }
    return out;
  }

  /** Every class, as DAOS's CheckerPolicyClasses (CIC_NONE and CIC_UNKNOWN included). */
  public static List<CheckInconsistClass> allClasses() {
    List<CheckInconsistClass> out = new ArrayList<>(List.of(CheckInconsistClass.values()));
    out.remove(CheckInconsistClass.UNRECOGNIZED);
    return out;
  }
}
