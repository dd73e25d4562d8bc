package io.daos.dmg.output;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.daos.common.cli.ErrorText;
import io.daos.common.cli.JsonEnvelope;
import java.util.Map;

/**
 * dmg's JSON: gson with nulls kept and no HTML escaping, and the {@code -j} {@link JsonEnvelope} printed as one
 * indented object; the error shown as {@link ErrorText#message}.
 */
public final class DmgJson {
  private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
  private static final Gson PRETTY = new GsonBuilder().serializeNulls().disableHtmlEscaping()
      .setPrettyPrinting().create();

  private DmgJson() {
  }

  /** Gson as dmg uses it for response payloads (nulls kept, no HTML escaping). */
  public static Gson gson() {
    return GSON;
  }

  /** The envelope text, ending in a newline. {@code response} may be any gson-serializable object or null. */
  public static String render(Object response, Throwable error) {
    JsonObject env = new JsonObject();
    for (Map.Entry<String, Object> e : JsonEnvelope.of(response, error, ErrorText::message).entrySet()) {
      env.add(e.getKey(), toTree(e.getValue()));
    }
    return PRETTY.toJson(env) + "\n";
  }

  private static JsonElement toTree(Object value) {
    return value == null ? JsonNull.INSTANCE : value instanceof JsonElement je ? je : GSON.toJsonTree(value);
  }
}
