package io.daos.dmg.output;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;

/**
 * dmg's {@code -j} output, as DAOS's cmdutil writes it: one indented object
 * {@code {"response": ..., "error": ..., "status": ...}}. The status is the DAOS status of the error's cause when
 * that is a {@link DaosException}, otherwise DER_MISC (-1025); 0 on success.
 */
public final class JsonEnvelope {
  private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
  private static final Gson PRETTY = new GsonBuilder().serializeNulls().disableHtmlEscaping()
      .setPrettyPrinting().create();

  private JsonEnvelope() {
  }

  /** Gson as dmg uses it for response payloads (nulls kept, no HTML escaping). */
  public static Gson gson() {
    return GSON;
  }

  /** The envelope text, ending in a newline. {@code response} may be any gson-serializable object or null. */
  public static String render(Object response, Throwable error) {
    JsonObject env = new JsonObject();
    env.add("response", response == null ? JsonNull.INSTANCE : toTree(response));
    env.add("error", error == null ? JsonNull.INSTANCE : GSON.toJsonTree(ErrorText.of(error)));
    env.addProperty("status", status(error));
    return PRETTY.toJson(env) + "\n";
  }

  private static JsonElement toTree(Object response) {
    return response instanceof JsonElement je ? je : GSON.toJsonTree(response);
  }

  /** DAOS's status for an error: the cause's DAOS status, else DER_MISC; 0 for no error. */
  public static int status(Throwable error) {
    if (error == null) {
      return 0;
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof DaosException de) {
        return de.status().code();
      }
    }
    return DaosStatus.MISC.code();
  }
}
