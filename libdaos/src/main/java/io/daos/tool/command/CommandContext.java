package io.daos.tool.command;

import io.daos.tool.api.DaosApi;
import java.time.ZoneId;

/** What a running command may use: the DAOS seam and the global flags. */
public interface CommandContext {
  /** The API, opened on first use. */
  DaosApi api();

  boolean json();

  /** The time zone timestamps are shown in. */
  ZoneId zone();
}
