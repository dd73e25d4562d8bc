package io.daos.server.config;

/** {@code support_config{file_transfer_exec}} used by {@code support collect-log}. */
public record SupportConfig(String fileTransferExec) {
  public static final SupportConfig NONE = new SupportConfig("");

  public SupportConfig {
    fileTransferExec = fileTransferExec == null ? "" : fileTransferExec;
  }
}
