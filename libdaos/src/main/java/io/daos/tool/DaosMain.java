package io.daos.tool;

import io.daos.tool.api.LibdaosApi;
import java.time.ZoneId;

/**
 * {@code daos} entry point ({@code bin/daos}): runs the command and exits 0 on success, 1 on any error. The agent
 * socket directory comes from {@code DAOS_AGENT_DRPC_DIR} as in libdaos. libdaos logging is off (slf4j's no-op
 * provider, chosen explicitly so that slf4j does not scan or warn): the tool's output is its own.
 */
public final class DaosMain {
  private DaosMain() {
  }

  public static void main(String[] args) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
    System.exit(Daos.run(args, System.out, System.err, LibdaosApi.factory(), ZoneId.systemDefault()));
  }
}
