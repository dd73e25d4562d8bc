package io.daos.engine.mgmt;

import io.daos.cart.PeerAuth;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.drpc.server.DrpcCallContext;
import io.daos.drpc.server.DrpcRegistry;
import io.daos.engine.log.EngineLogging;
import io.daos.proto.ctl.SetLogMasksReq;
import io.daos.proto.ctl.SetLogMasksResp;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.GroupUpdateReq;
import io.daos.proto.mgmt.GroupUpdateResp;
import io.daos.proto.mgmt.PingRankReq;
import io.daos.proto.mgmt.PrepShutdownReq;
import io.daos.proto.mgmt.SetRankReq;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's MGMT dRPC methods served on {@code daos_engine_<pid>.sock} (DAOS {@code srv_drpc.c}). */
public final class MgmtDrpcHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(MgmtDrpcHandlers.class);
  /** CRT_NO_RANK: never a valid rank. */
  private static final int NO_RANK = -1;

  private final String name;
  private final EngineState state;
  private final EngineLogging logging;
  private volatile Runnable onSetUp = () -> { };
  private final PeerAuth peerAuth;
  private volatile java.util.function.Consumer<GroupUpdateReq> onGroupUpdate = req -> { };

  public MgmtDrpcHandlers(String name, EngineState state, EngineLogging logging) {
    this(name, state, logging, PeerAuth.awaitingKey(name));
  }

  /** As the other constructor; SetRank installs the system's CART-J peer key it carries in {@code peerAuth}. */
  public MgmtDrpcHandlers(String name, EngineState state, EngineLogging logging, PeerAuth peerAuth) {
    this.peerAuth = peerAuth;
    this.name = name;
    this.state = state;
    this.logging = logging;
  }

  /** Runs {@code r} each time SET_UP succeeds (the rank is known then: pool services reopen). */
  public MgmtDrpcHandlers onSetUp(Runnable r) {
    this.onSetUp = r;
    return this;
  }

  /** Runs {@code c} with each group map the MS sends that was newer than ours (it is broadcast to the others). */
  public MgmtDrpcHandlers onGroupUpdate(java.util.function.Consumer<GroupUpdateReq> c) {
    this.onGroupUpdate = c;
    return this;
  }

  /** Registers every method this engine serves. */
  public DrpcRegistry registerOn(DrpcRegistry r) {
    return r.register(DrpcMethod.MGMT_SET_RANK, this::setRank)
        .register(DrpcMethod.MGMT_SET_UP, this::setUp)
        .register(DrpcMethod.MGMT_PREP_SHUTDOWN, this::prepShutdown)
        .register(DrpcMethod.MGMT_PING_RANK, this::pingRank)
        .register(DrpcMethod.MGMT_SET_LOG_MASKS, this::setLogMasks)
        .register(DrpcMethod.MGMT_GROUP_UPDATE, this::groupUpdate);
  }

  byte[] setRank(DrpcCallContext ctx, byte[] body) throws Exception {
    SetRankReq req = SetRankReq.parseFrom(body);
    if (req.getRank() == NO_RANK) {
      LOG.error("{}: SetRank with the invalid rank {}", name, Integer.toUnsignedString(req.getRank()));
      return daosResp(DaosStatus.INVAL);
    }
    if (req.getFabricKey().isEmpty()) {
      peerAuth.open("daos_server sent no system key with SetRank");
    } else if (req.getFabricKey().size() != PeerAuth.KEY_SIZE) {
      LOG.error("{}: SetRank with a {}-byte CART-J peer key; expected {}", name, req.getFabricKey().size(),
          PeerAuth.KEY_SIZE);
      return daosResp(DaosStatus.INVAL);
    } else {
      peerAuth.install(req.getFabricKey().toByteArray());
    }
    state.setRank(req.getRank(), req.getMapVersion());
    LOG.info("{}: rank set to {}, map version {}", name, req.getRank(), req.getMapVersion());
    return daosResp(DaosStatus.SUCCESS);
  }

  byte[] setUp(DrpcCallContext ctx, byte[] body) {
    if (!state.markSetUp()) {
      LOG.error("{}: SetUp before SetRank; refusing", name);
      return daosResp(DaosStatus.UNINIT);
    }
    LOG.info("{} ({}): modules set up, engine serving", name, state.describeRank());
    onSetUp.run();
    return daosResp(DaosStatus.SUCCESS);
  }

  byte[] prepShutdown(DrpcCallContext ctx, byte[] body) throws Exception {
    PrepShutdownReq req = PrepShutdownReq.parseFrom(body);
    state.prepareShutdown();
    LOG.info("{}: rank {} is being prepared for controlled shutdown", name, req.getRank());
    return daosResp(DaosStatus.SUCCESS);
  }

  byte[] pingRank(DrpcCallContext ctx, byte[] body) throws Exception {
    PingRankReq req = PingRankReq.parseFrom(body);
    LOG.debug("{}: ping rank {}", name, req.getRank());
    return daosResp(DaosStatus.SUCCESS);
  }

  byte[] setLogMasks(DrpcCallContext ctx, byte[] body) throws Exception {
    SetLogMasksReq req = SetLogMasksReq.parseFrom(body);
    try {
      logging.setMasks(req.getMasks(), req.getResetMasks());
      LOG.info("{}: log masks set to '{}' (reset={})", name, req.getMasks(), req.getResetMasks());
      return SetLogMasksResp.newBuilder().setStatus(DaosStatus.SUCCESS.code()).build().toByteArray();
    } catch (IllegalArgumentException e) {
      LOG.error("{}: SetLogMasks '{}': {}", name, req.getMasks(), e.getMessage());
      return SetLogMasksResp.newBuilder().setStatus(DaosStatus.INVAL.code()).build().toByteArray();
    }
  }

  byte[] groupUpdate(DrpcCallContext ctx, byte[] body) throws Exception {
    GroupUpdateReq req = GroupUpdateReq.parseFrom(body);
    Map<Integer, GroupMap.Member> members = new HashMap<>();
    for (GroupUpdateReq.Engine e : req.getEnginesList()) {
      members.put(e.getRank(), new GroupMap.Member(e.getRank(), e.getUri(), e.getIncarnation()));
    }
    boolean installed = state.updateGroupMap(new GroupMap(req.getMapVersion(), members));
    LOG.info("{}: group map version {} with {} ranks {}", name, req.getMapVersion(), members.size(),
        installed ? "installed" : "ignored (older than current)");
    if (installed) {
      onGroupUpdate.accept(req);
    }
    return GroupUpdateResp.newBuilder().setStatus(DaosStatus.SUCCESS.code()).build().toByteArray();
  }

  private static byte[] daosResp(DaosStatus s) {
    return DaosResp.newBuilder().setStatus(s.code()).build().toByteArray();
  }
}
