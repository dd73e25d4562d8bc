package io.daos.control.errors;

/** The {@code google.rpc.ErrorInfo} reasons and metadata keys DAOS uses to carry typed errors over gRPC. */
public final class ErrorReasons {
  public static final String FAULT = "proto.fault.Fault";
  public static final String DAOS_STATUS = "proto.daos.DaosStatus";
  public static final String NOT_LEADER = "proto.system.ErrNotLeader";
  public static final String NOT_REPLICA = "proto.system.ErrNotReplica";
  public static final String POOL_NOT_FOUND = "proto.system.ErrPoolNotFound";

  /** ErrorInfo domain for everything except faults (which carry their own domain). */
  public static final String DAOS_DOMAIN = "DAOS";

  public static final String KEY_DOMAIN = "Domain";
  public static final String KEY_CODE = "Code";
  public static final String KEY_DESCRIPTION = "Description";
  public static final String KEY_REASON = "Reason";
  public static final String KEY_RESOLUTION = "Resolution";
  public static final String KEY_STATUS = "Status";
  public static final String KEY_LEADER_HINT = "LeaderHint";
  public static final String KEY_REPLICAS = "Replicas";
  public static final String KEY_POOL_INFO = "PoolInfo";

  private ErrorReasons() {
  }
}
