package io.daos.server.sysdb;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.daos.server.system.FaultDomain;
import io.daos.server.system.MemberState;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;

/** The one Gson configuration for log entries, replies and snapshots. */
final class DbJson {
  static final Gson GSON = new GsonBuilder()
      .registerTypeAdapter(Instant.class, stringAdapter(Instant::toString, Instant::parse))
      .registerTypeAdapter(MemberState.class, stringAdapter(MemberState::jsonString, MemberState::fromString))
      .registerTypeAdapter(FaultDomain.class, stringAdapter(FaultDomain::toString, FaultDomain::parse))
      .disableHtmlEscaping()
      .create();

  private DbJson() {
  }

  private static <T> TypeAdapter<T> stringAdapter(Function<T, String> out, Function<String, T> in) {
    return new TypeAdapter<T>() {
      @Override
      public void write(JsonWriter w, T value) throws IOException {
        if (value == null) {
          w.nullValue();
        } else {
          w.value(out.apply(value));
        }
      }

      @Override
      public T read(JsonReader r) throws IOException {
        if (r.peek() == JsonToken.NULL) {
          r.nextNull();
          return null;
        }
        return in.apply(r.nextString());
      }
    }.nullSafe();
  }
}
