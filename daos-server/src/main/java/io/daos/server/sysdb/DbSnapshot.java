package io.daos.server.sysdb;

import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;
import io.daos.server.system.Member;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Snapshot form of {@link DbTables}: one JSON document, indexes rebuilt on restore. */
record DbSnapshot(
    @SerializedName("schema_version") int schemaVersion,
    @SerializedName("version") long version,
    @SerializedName("next_rank") int nextRank,
    @SerializedName("map_version") int mapVersion,
    @SerializedName("members") List<Member> members,
    @SerializedName("pools") List<PoolService> pools,
    @SerializedName("attrs") Map<String, String> attrs) {

  /** DAOS CurrentSchemaVersion. */
  static final int SCHEMA_VERSION = 0;

  static byte[] encode(DbTables t) {
    DbSnapshot s = new DbSnapshot(SCHEMA_VERSION, t.version, t.nextRank, t.mapVersion,
        new ArrayList<>(t.ranks.values()), new ArrayList<>(t.pools.values()), t.attrs);
    return DbJson.GSON.toJson(s).getBytes(StandardCharsets.UTF_8);
  }

  static DbTables decode(byte[] bytes) {
    DbSnapshot s;
    try {
      s = DbJson.GSON.fromJson(new String(bytes, StandardCharsets.UTF_8), DbSnapshot.class);
    } catch (JsonParseException e) {
      throw new IllegalStateException("unreadable MS database snapshot: " + e.getMessage(), e);
    }
    if (s == null || s.schemaVersion != SCHEMA_VERSION) {
      throw new IllegalStateException("restored schema version " + (s == null ? "?" : s.schemaVersion)
          + " != " + SCHEMA_VERSION);
    }
    DbTables t = new DbTables();
    t.version = s.version;
    t.nextRank = s.nextRank;
    t.mapVersion = s.mapVersion;
    (s.members == null ? List.<Member>of() : s.members).forEach(t::put);
    (s.pools == null ? List.<PoolService>of() : s.pools).forEach(t::addPool);
    t.updateAttrs(s.attrs);
    return t;
  }
}
