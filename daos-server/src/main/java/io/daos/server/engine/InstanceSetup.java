package io.daos.server.engine;

import com.google.protobuf.InvalidProtocolBufferException;
import io.daos.common.ranklist.Rank;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.drpc.DrpcMethod;
import io.daos.proto.mgmt.DaosResp;
import io.daos.proto.mgmt.JoinReq;
import io.daos.proto.mgmt.JoinResp;
import io.daos.proto.mgmt.SetRankReq;
import io.daos.proto.srv.NotifyReadyReq;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows an engine's NotifyReady (DAOS's handleReady): record the incarnation, join the system,
 * persist rank and URI in the superblock, then SetRank (202) and SetUp (209) unless the MS did a local join.
 */
final class InstanceSetup {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceSetup.class);

  private final EngineInstance ei;
  private final InstanceSettings cfg;
  private final boolean replace;

  InstanceSetup(EngineInstance ei, boolean replace) {
    this.ei = ei;
    this.cfg = ei.cfg;
    this.replace = replace;
  }

  void handleReady(NotifyReadyReq ready) throws IOException {
    Superblock sb = ei.superblock().orElseThrow(() -> new IOException("nil superblock while determining rank"));
    ei.setIncarnation(ready.getIncarnation());
    sb = sb.withIncarnation(ready.getIncarnation());
    if (!cfg.faultDomain.equals(sb.hostFaultDomain())) {
      LOG.info("instance {} setting host fault domain to {} (previously {})", cfg.index, cfg.faultDomain,
          sb.hostFaultDomain());
      sb = sb.withHostFaultDomain(cfg.faultDomain);
    }
    ei.setSuperblock(sb);
    JoinResp resp = join(sb, ready);
    Rank rank = Rank.of(Integer.toUnsignedLong(resp.getRank()));
    boolean sameRank = sb.rank() != null && sb.rank() == resp.getRank();
    if (!sb.validRank() || !ready.getUri().equals(sb.uri()) || !sameRank) {
      LOG.info("updating rank {} URI to {}", rank, ready.getUri());
      ei.setSuperblock(sb.withRank(resp.getRank()).withUri(ready.getUri()));
    }
    if (resp.getLocalJoin()) {
      return;
    }
    if (resp.getFabricKey().isEmpty()) {
      LOG.warn("instance {}: the MS sent no CART-J peer key (a DAOS management service?): rank {} will serve "
          + "server-to-server RPCs from any process on the fabric", cfg.index, rank);
    }
    setRank(rank, resp.getMapVersion(), resp.getFabricKey());
    setUp();
  }

  private JoinResp join(Superblock sb, NotifyReadyReq ready) throws IOException {
    JoinResp resp = cfg.mgmt.join(joinReq(sb, ready), cfg.joinTimeout);
    if (resp.getStatus() != 0) {
      throw new DaosException(DaosStatus.fromCode(resp.getStatus()), "join failed");
    }
    switch (resp.getState()) {
      case OUT -> throw new IOException("rank " + Integer.toUnsignedString(resp.getRank()) + " excluded");
      case CHECK -> {
        if (!ready.getCheckMode()) {
          LOG.info("restarting rank {} in checker mode", Integer.toUnsignedString(resp.getRank()));
          ei.setCheckerMode(true);
          ei.requestStart();
          throw new IOException("rank " + Integer.toUnsignedString(resp.getRank()) + " restarting to enable checker");
        }
      }
      default -> {
      }
    }
    return resp;
  }

  JoinReq joinReq(Superblock sb, NotifyReadyReq ready) {
    Rank rank = sb.rank() != null ? Rank.of(Integer.toUnsignedLong(sb.rank()))
        : cfg.bootstrapRankZero && cfg.index == 0 ? Rank.of(0) : Rank.NIL;
    return JoinReq.newBuilder().setSys(cfg.systemName).setUuid(sb.uuid()).setRank(rank.toUint32())
        .setUri(ready.getUri()).setNctxs(ready.getNctxs()).setAddr(cfg.controlAddr)
        .setSrvFaultDomain(cfg.faultDomain).setIdx(cfg.index).setIncarnation(ready.getIncarnation())
        .addAllSecondaryUris(ready.getSecondaryUrisList()).addAllSecondaryNctxs(ready.getSecondaryNctxsList())
        .setCheckMode(ready.getCheckMode()).setReplace(replace).build();
  }

  /** SetRank, with the system's CART-J peer key (jdaos's field; empty when the MS has none). */
  private void setRank(Rank rank, int mapVersion, com.google.protobuf.ByteString fabricKey) throws IOException {
    byte[] body = SetRankReq.newBuilder().setRank(rank.toUint32()).setMapVersion(mapVersion).setFabricKey(fabricKey)
        .build().toByteArray();
    checkDaosResp("SetRank", ei.callDrpcUnchecked(DrpcMethod.MGMT_SET_RANK, body));
  }

  private void setUp() throws IOException {
    checkDaosResp("SetUp", ei.callDrpcUnchecked(DrpcMethod.MGMT_SET_UP, new byte[0]));
  }

  private static void checkDaosResp(String what, byte[] body) throws IOException {
    DaosResp resp;
    try {
      resp = DaosResp.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException("unmarshal " + what + " response: " + e.getMessage(), e);
    }
    if (resp.getStatus() != 0) {
      throw new IOException(what + " failed: " + resp.getStatus());
    }
  }
}
