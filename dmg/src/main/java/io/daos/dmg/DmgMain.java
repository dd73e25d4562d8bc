package io.daos.dmg;

import io.daos.dmg.command.ControlInvokers;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** {@code dmg} entry point: quiet JUL (grpc) logging, run, exit 0 on success and 1 on any error. */
public final class DmgMain {
  private DmgMain() {
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    silenceJul();
    return Dmg.run(args, System.out, System.err, ControlInvokers::grpc);
  }

  static void silenceJul() {
    LogManager.getLogManager().reset();
    Logger.getLogger("").setLevel(Level.OFF);
    Logger.getLogger("io.grpc").setLevel(Level.OFF);
  }
}
