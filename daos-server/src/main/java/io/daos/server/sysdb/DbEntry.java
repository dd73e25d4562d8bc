package io.daos.server.sysdb;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;
import java.nio.charset.StandardCharsets;

/** A replicated log entry: the small JSON envelope {"op": n, "data": {...}} with DAOS's op numbers. */
record DbEntry(@SerializedName("op") int op, @SerializedName("data") JsonElement data) {

  static byte[] encode(DbOp op, Object data) {
    DbEntry e = new DbEntry(op.number(), data == null ? null : DbJson.GSON.toJsonTree(data));
    return DbJson.GSON.toJson(e).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @throws IllegalStateException if the bytes are not an entry (the replica must not go on applying)
   */
  static DbEntry decode(byte[] bytes) {
    try {
      DbEntry e = DbJson.GSON.fromJson(new String(bytes, StandardCharsets.UTF_8), DbEntry.class);
      if (e == null) {
        throw new IllegalStateException("empty MS database log entry");
      }
      return e;
    } catch (JsonParseException e) {
      throw new IllegalStateException("undecodable MS database log entry: " + e.getMessage(), e);
    }
  }

  DbOp dbOp() {
    return DbOp.fromNumber(op);
  }

  <T> T dataAs(Class<T> type) {
    T v = DbJson.GSON.fromJson(data, type);
    if (v == null) {
      throw new IllegalStateException("MS database log entry " + dbOp() + " has no data");
    }
    return v;
  }
}
