package io.daos.server.sysdb;

import com.google.gson.annotations.SerializedName;
import io.daos.server.system.SystemException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What applying one entry produced: the member rank for additions, or a rejection that every replica
 * reaches identically (state left unchanged, data version not bumped).
 */
record DbReply(@SerializedName("rank") int rank, @SerializedName("kind") SystemException.Kind kind,
    @SerializedName("error") String error, @SerializedName("ranks") List<Integer> ranks) {

  static final DbReply OK = new DbReply(0, null, null, null);

  DbReply {
    ranks = ranks == null ? List.of() : List.copyOf(ranks);
  }

  static DbReply rank(int rank) {
    return new DbReply(rank, null, null, null);
  }

  /** A member batch's reply: the rank of each addition, in order. */
  static DbReply ranks(List<Integer> added) {
    return new DbReply(0, null, null, added);
  }

  static DbReply rejected(SystemException e) {
    return new DbReply(0, e.kind(), e.getMessage(), null);
  }

  boolean ok() {
    return kind == null;
  }

  /** Returns this reply, or throws the rejection as a {@link SystemException}. */
  DbReply orThrow() {
    if (!ok()) {
      throw new SystemException(kind, error);
    }
    return this;
  }

  byte[] encode() {
    return DbJson.GSON.toJson(this).getBytes(StandardCharsets.UTF_8);
  }

  static DbReply decode(byte[] bytes) {
    return DbJson.GSON.fromJson(new String(bytes, StandardCharsets.UTF_8), DbReply.class);
  }
}
