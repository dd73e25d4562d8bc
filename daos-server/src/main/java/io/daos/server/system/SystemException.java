package io.daos.server.system;

import java.util.UUID;

/**
 * A structured MS error (DAOS system/errors.go): the kind tells callers what happened, the message is the
 * text DAOS shows.
 */
public final class SystemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    MEMBER_NOT_FOUND, MEMBER_EXISTS, JOIN_FAILURE, POOL_NOT_FOUND, POOL_EXISTS, ATTR_NOT_FOUND,
    RAFT_UNAVAILABLE, INVALID_REQUEST, STALE_INCARNATION, EMPTY_GROUP_MAP, POOL_LOCKED
  }

  private final Kind kind;

  public SystemException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static boolean is(Throwable t, Kind kind) {
    return t instanceof SystemException e && e.kind == kind;
  }

  public static SystemException rankNotFound(int rank) {
    return new SystemException(Kind.MEMBER_NOT_FOUND, "unable to find member with rank " + rank(rank));
  }

  public static SystemException uuidNotFound(UUID uuid) {
    return new SystemException(Kind.MEMBER_NOT_FOUND, "unable to find member with uuid " + uuid);
  }

  public static SystemException rankExists(int rank) {
    return new SystemException(Kind.MEMBER_EXISTS, "member with rank " + rank(rank) + " already exists");
  }

  public static SystemException uuidExists(UUID uuid) {
    return new SystemException(Kind.MEMBER_EXISTS, "member with uuid " + uuid + " already exists");
  }

  public static SystemException joinRankChanged(int newRank, int curRank, UUID uuid) {
    return new SystemException(Kind.JOIN_FAILURE, String.format(
        "can't rejoin member with uuid %s: rank changed from %s -> %s", uuid, rank(curRank), rank(newRank)));
  }

  public static SystemException joinUuidChanged(UUID newUuid, UUID curUuid, int rank) {
    return new SystemException(Kind.JOIN_FAILURE, String.format(
        "can't rejoin member with rank %s: uuid changed from %s -> %s", rank(rank), curUuid, newUuid));
  }

  public static SystemException joinAdminExcluded(UUID uuid, int rank) {
    return new SystemException(Kind.JOIN_FAILURE, String.format(
        "member %s (rank %s) has been administratively excluded", uuid, rank(rank)));
  }

  public static SystemException joinControlAddrChanged(String newAddr, String curAddr, UUID uuid, int rank) {
    return new SystemException(Kind.JOIN_FAILURE, String.format(
        "can't rejoin member %s (rank %s): control address changed from %s -> %s", uuid, rank(rank), curAddr,
        newAddr));
  }

  public static SystemException poolUuidNotFound(UUID uuid) {
    return new SystemException(Kind.POOL_NOT_FOUND, "unable to find pool service with uuid " + uuid);
  }

  public static SystemException poolLabelNotFound(String label) {
    return new SystemException(Kind.POOL_NOT_FOUND, "unable to find pool service with label \"" + label + "\"");
  }

  public static SystemException attrNotFound(String key) {
    return new SystemException(Kind.ATTR_NOT_FOUND, "unable to find system attribute with key \"" + key + "\"");
  }

  public static SystemException invalid(String message) {
    return new SystemException(Kind.INVALID_REQUEST, message);
  }

  private static String rank(int r) {
    return Integer.toUnsignedString(r);
  }
}
