package io.daos.drpc;

import java.util.Optional;

/**
 * Every dRPC method DAOS defines ({@code drpc_modules.h}), with its module and wire id, plus jdaos-only methods
 * ({@link #MGMT_TELEMETRY_SNAPSHOT}, {@link #MGMT_CHK_CLUES}, {@link #MGMT_CLIENT_TELEMETRY_PUSH}) numbered above
 * DAOS's range.
 */
public enum DrpcMethod {
  SEC_AGENT_REQUEST_CREDS(DrpcModule.SEC_AGENT, 101),

  MGMT_KILL_RANK(DrpcModule.MGMT, 201),
  MGMT_SET_RANK(DrpcModule.MGMT, 202),
  MGMT_GET_ATTACH_INFO(DrpcModule.MGMT, 206),
  MGMT_POOL_CREATE(DrpcModule.MGMT, 207),
  MGMT_POOL_DESTROY(DrpcModule.MGMT, 208),
  MGMT_SET_UP(DrpcModule.MGMT, 209),
  MGMT_BIO_HEALTH_QUERY(DrpcModule.MGMT, 210),
  MGMT_SMD_LIST_DEVS(DrpcModule.MGMT, 211),
  MGMT_SMD_LIST_POOLS(DrpcModule.MGMT, 212),
  MGMT_POOL_GET_ACL(DrpcModule.MGMT, 213),
  MGMT_POOL_OVERWRITE_ACL(DrpcModule.MGMT, 215),
  MGMT_POOL_UPDATE_ACL(DrpcModule.MGMT, 216),
  MGMT_POOL_DELETE_ACL(DrpcModule.MGMT, 217),
  MGMT_PREP_SHUTDOWN(DrpcModule.MGMT, 218),
  MGMT_DEV_SET_FAULTY(DrpcModule.MGMT, 220),
  MGMT_DEV_REPLACE(DrpcModule.MGMT, 221),
  MGMT_LIST_CONTAINERS(DrpcModule.MGMT, 222),
  MGMT_POOL_QUERY(DrpcModule.MGMT, 223),
  MGMT_POOL_SET_PROP(DrpcModule.MGMT, 224),
  MGMT_PING_RANK(DrpcModule.MGMT, 225),
  MGMT_POOL_REINT(DrpcModule.MGMT, 226),
  MGMT_CONT_SET_OWNER(DrpcModule.MGMT, 227),
  MGMT_POOL_EXCLUDE(DrpcModule.MGMT, 228),
  MGMT_POOL_EXTEND(DrpcModule.MGMT, 229),
  MGMT_POOL_EVICT(DrpcModule.MGMT, 230),
  MGMT_POOL_DRAIN(DrpcModule.MGMT, 231),
  MGMT_GROUP_UPDATE(DrpcModule.MGMT, 232),
  MGMT_NOTIFY_EXIT(DrpcModule.MGMT, 233),
  MGMT_NOTIFY_POOL_CONNECT(DrpcModule.MGMT, 235),
  MGMT_NOTIFY_POOL_DISCONNECT(DrpcModule.MGMT, 236),
  MGMT_POOL_GET_PROP(DrpcModule.MGMT, 237),
  MGMT_SET_LOG_MASKS(DrpcModule.MGMT, 238),
  MGMT_POOL_UPGRADE(DrpcModule.MGMT, 239),
  MGMT_POOL_QUERY_TARGETS(DrpcModule.MGMT, 240),
  MGMT_LED_MANAGE(DrpcModule.MGMT, 241),
  MGMT_CHK_START(DrpcModule.MGMT, 242),
  MGMT_CHK_STOP(DrpcModule.MGMT, 243),
  MGMT_CHK_QUERY(DrpcModule.MGMT, 244),
  MGMT_CHK_PROP(DrpcModule.MGMT, 245),
  MGMT_CHK_ACT(DrpcModule.MGMT, 246),
  MGMT_SETUP_CLIENT_TELEM(DrpcModule.MGMT, 247),
  MGMT_GROUP_STATUS_GET(DrpcModule.MGMT, 248),
  MGMT_CHK_SET_POLICY(DrpcModule.MGMT, 249),
  MGMT_POOL_REBUILD_START(DrpcModule.MGMT, 250),
  MGMT_POOL_REBUILD_STOP(DrpcModule.MGMT, 251),
  MGMT_POOL_SELF_HEAL_EVAL(DrpcModule.MGMT, 252),
  /** jdaos-only: the engine's telemetry snapshot, read by daos_server for its Prometheus exporter. */
  MGMT_TELEMETRY_SNAPSHOT(DrpcModule.MGMT, 290),
  /** jdaos-only: the checker's pool clues of a set of ranks, gathered by the engine over CART-J (CHK_START). */
  MGMT_CHK_CLUES(DrpcModule.MGMT, 291),
  /**
   * jdaos-only: a libdaos process's telemetry snapshot, pushed to its daos_agent after SETUP_CLIENT_TELEM (DAOS's
   * client writes a shared-memory segment the agent maps instead).
   */
  MGMT_CLIENT_TELEMETRY_PUSH(DrpcModule.MGMT, 292),

  SRV_NOTIFY_READY(DrpcModule.SRV, 301),
  SRV_GET_POOL_SVC(DrpcModule.SRV, 303),
  SRV_CLUSTER_EVENT(DrpcModule.SRV, 304),
  SRV_POOL_FIND_BYLABEL(DrpcModule.SRV, 305),
  CHK_LIST_POOL(DrpcModule.SRV, 306),
  CHK_REG_POOL(DrpcModule.SRV, 307),
  CHK_DEREG_POOL(DrpcModule.SRV, 308),
  CHK_REPORT(DrpcModule.SRV, 309),
  SRV_LIST_POOLS(DrpcModule.SRV, 310),
  SRV_GET_SYS_PROPS(DrpcModule.SRV, 311),

  SEC_VALIDATE_CREDS(DrpcModule.SEC, 401);

  private final DrpcModule module;
  private final int id;

  DrpcMethod(DrpcModule module, int id) {
    this.module = module;
    this.id = id;
  }

  public DrpcModule module() {
    return module;
  }

  public int id() {
    return id;
  }

  /** The method of {@code module} with wire id {@code id}, if DAOS defines one. */
  public static Optional<DrpcMethod> of(DrpcModule module, int id) {
    for (DrpcMethod m : values()) {
      if (m.module == module && m.id == id) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return name() + "(" + id + ")";
  }
}
