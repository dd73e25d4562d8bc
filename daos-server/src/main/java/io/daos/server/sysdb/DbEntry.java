package io.daos.server.sysdb;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;
import io.daos.server.system.MemberWrite;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A replicated log entry: the small JSON envelope {"op": n, "data": {...}} with DAOS's op numbers. */
record DbEntry(@SerializedName("op") int op, @SerializedName("data") JsonElement data) {

  static byte[] encode(DbOp op, Object data) {
    DbEntry e = new DbEntry(op.number(), data == null ? null : DbJson.GSON.toJsonTree(data));
    return DbJson.GSON.toJson(e).getBytes(StandardCharsets.UTF_8);
  }

  /** A MEMBER_BATCH entry: its data is the array of member entries, applied in order. */
  static byte[] encodeBatch(List<MemberWrite> writes) {
    JsonArray subs = new JsonArray();
    for (MemberWrite w : writes) {
      subs.add(DbJson.GSON.toJsonTree(new DbEntry(opOf(w.kind()).number(), DbJson.GSON.toJsonTree(w.member()))));
    }
    return DbJson.GSON.toJson(new DbEntry(DbOp.MEMBER_BATCH.number(), subs)).getBytes(StandardCharsets.UTF_8);
  }

  private static DbOp opOf(MemberWrite.Kind kind) {
    return switch (kind) {
      case ADD -> DbOp.ADD_MEMBER;
      case UPDATE -> DbOp.UPDATE_MEMBER;
      case REMOVE -> DbOp.REMOVE_MEMBER;
    };
  }

  /** The member entries of a MEMBER_BATCH entry. */
  List<DbEntry> batch() {
    if (data == null || !data.isJsonArray()) {
      throw new IllegalStateException("MS database member batch entry has no array of entries");
    }
    List<DbEntry> out = new ArrayList<>();
    for (JsonElement sub : data.getAsJsonArray()) {
      out.add(DbJson.GSON.fromJson(sub, DbEntry.class));
    }
    return out;
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
