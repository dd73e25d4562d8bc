package io.daos.server.fanout;

/** The CtlSvc rank lifecycle RPCs the MS fans out to hosts, with the action name DAOS puts in results. */
public enum RanksMethod {
  PREP_SHUTDOWN("PrepShutdownRanks", "prep shutdown"),
  STOP("StopRanks", "stop"),
  START("StartRanks", "start"),
  RESET_FORMAT("ResetFormatRanks", "reset format");

  private final String rpcName;
  private final String action;

  RanksMethod(String rpcName, String action) {
    this.rpcName = rpcName;
    this.action = action;
  }

  /** The CtlSvc method name, e.g. "StopRanks". */
  public String rpcName() {
    return rpcName;
  }

  /** The action string of each RankResult, e.g. "prep shutdown". */
  public String action() {
    return action;
  }
}
