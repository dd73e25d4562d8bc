package io.daos.common.cli;

import io.daos.common.status.DaosStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code -j} output of DAOS's tools, as DAOS's cmdutil writes it: {@code {"response": ..., "error": ...,
 * "status": ...}}. The status is the DAOS status of the error's cause when it has one, otherwise DER_MISC (-1025);
 * 0 on success. Each tool renders the envelope with its own JSON writer.
 */
public final class JsonEnvelope {
  private JsonEnvelope() {
  }

  /** The envelope's three fields in order; the error is shown with {@code text}, e.g. {@link ErrorText#message}. */
  public static Map<String, Object> of(Object response, Throwable error, Function<Throwable, String> text) {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("response", response);
    env.put("error", error == null ? null : text.apply(error));
    env.put("status", status(error));
    return env;
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
