package io.daos.tool.output;

import io.daos.common.status.DaosStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code -j} output of every daos command, as DAOS's cmdutil writes it:
 * {@code {"response": ..., "error": ..., "status": ...}}. The status is the DAOS status of the error's cause when it
 * has one, otherwise DER_MISC (-1025); 0 on success.
 */
public final class JsonEnvelope {
  private JsonEnvelope() {
  }

  /** The envelope text, ending in a newline. */
  public static String render(Object response, Throwable error) {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("response", response);
    env.put("error", error == null ? null : ErrorText.of(error));
    env.put("status", status(error));
    return Json.indent(env) + "\n";
  }

  /** DAOS's status for an error: the cause's DAOS status, else DER_MISC; 0 for no error. */
  public static int status(Throwable error) {
    if (error == null) {
      return 0;
    }
    DaosStatus s = ErrorText.statusOf(error);
    return s == null ? DaosStatus.MISC.code() : s.code();
  }
}
