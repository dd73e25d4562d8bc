package io.daos.server.mgmt.system;

import io.daos.common.fault.Fault;
import io.daos.common.fault.FaultCode;
import io.daos.proto.mgmt.JoinReq;
import io.daos.proto.mgmt.JoinResp;
import io.daos.server.mgmt.svc.MsAccess;
import io.daos.server.mgmt.svc.MsContext;
import io.daos.server.system.FaultDomain;
import io.daos.server.system.JoinRequest;
import io.daos.server.system.JoinResponse;
import io.daos.server.system.Member;
import io.daos.server.system.SystemException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Join on the MS leader (DAOS mgmt_system.go join): validates the engine's UUID, fault domain and fabric
 * provider, resolves its server's control address (0.0.0.0 ⇒ the peer's IP), adds or updates the member
 * and queues an immediate (forced: map version bumped) CaRT group update. The joining server sets the rank up on its engine itself, so the answer
 * never claims a local join. The answer carries the system's CART-J peer key ({@link FabricKey}, jdaos's own).
 */
public final class JoinHandler {
  private static final Logger LOG = LoggerFactory.getLogger(JoinHandler.class);

  private final MsContext ctx;

  public JoinHandler(MsContext ctx) {
    this.ctx = ctx;
  }

  /**
   * @param peerIp IP address the request came from (used when the request's address is 0.0.0.0), or null
   */
  public JoinResp join(JoinReq req, String peerIp) {
    SystemHandler.requireNonNull(req);
    MsAccess.Ms ms = ctx.access().checkLeader(req.getSys());
    JoinRequest jr = toJoinRequest(req, peerIp);
    if (jr.replace()) {
      jr = withRank(jr, ms.membership().findRankFromJoinRequest(jr));
    }
    JoinResponse joined;
    try {
      joined = ms.membership().join(jr);
    } catch (SystemException e) {
      throw new IllegalStateException("failed to join system: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw ctx.access().translate(e);
    }
    Member m = joined.member();
    if (joined.created()) {
      LOG.info("new system member: rank {}, addr {}, primary uri {}", m.rank(), m.addr(), m.primaryFabricUri());
    } else {
      LOG.info("updated system member: rank {}, primary uri {}, {}->{}", m.rank(), m.primaryFabricUri(),
          joined.prevState(), m.state());
    }
    ctx.groupUpdate().ifPresent(g -> g.request(true));
    byte[] key;
    try {
      key = FabricKey.of(ms.db());
    } catch (RuntimeException e) {
      throw ctx.access().translate(e);
    }
    return JoinResp.newBuilder().setRank(m.rank()).setState(JoinResp.State.IN)
        .setFaultDomain(m.faultDomain().toString()).setLocalJoin(false).setMapVersion(joined.mapVersion())
        .setFabricKey(com.google.protobuf.ByteString.copyFrom(key)).build();
  }

  private JoinRequest toJoinRequest(JoinReq req, String peerIp) {
    UUID uuid;
    try {
      uuid = UUID.fromString(req.getUuid());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid uuid \"" + req.getUuid() + "\": " + e.getMessage());
    }
    checkProvider(req);
    return JoinRequest.builder().rank(req.getRank()).uuid(uuid).controlAddr(controlAddr(req.getAddr(), peerIp))
        .primaryFabricUri(req.getUri()).secondaryFabricUris(req.getSecondaryUrisList())
        .fabricContexts(req.getNctxs()).secondaryFabricContexts(req.getSecondaryNctxsList())
        .faultDomain(faultDomain(req.getSrvFaultDomain())).incarnation(req.getIncarnation())
        .checkMode(req.getCheckMode()).replace(req.getReplace()).build();
  }

  private static JoinRequest withRank(JoinRequest r, int rank) {
    return new JoinRequest(rank, r.uuid(), r.controlAddr(), r.primaryFabricUri(), r.secondaryFabricUris(),
        r.fabricContexts(), r.secondaryFabricContexts(), r.faultDomain(), r.incarnation(), r.checkMode(), r.replace());
  }

  static FaultDomain faultDomain(String path) {
    FaultDomain fd;
    try {
      fd = FaultDomain.parse(path);
    } catch (IllegalArgumentException e) {
      throw new Fault("config", FaultCode.SERVER_CONFIG_FAULT_DOMAIN_INVALID,
          "invalid fault domain: " + e.getMessage(),
          "specify a valid fault domain path (e.g. /rack1/host1) in fault_path or via fault_cb");
    }
    if (fd.isEmpty()) {
      throw new IllegalArgumentException("no fault domain in join request");
    }
    return fd;
  }

  private void checkProvider(JoinReq req) {
    String sysProv = ctx.provider();
    if (sysProv.isEmpty()) {
      return;
    }
    int sep = req.getUri().indexOf("://");
    if (sep < 0) {
      throw new IllegalArgumentException("unable to parse fabric provider from URI \"" + req.getUri() + "\"");
    }
    String joinProv = req.getUri().substring(0, sep);
    if (!baseProvider(joinProv).equals(baseProvider(sysProv))) {
      throw new IllegalArgumentException(String.format("rank %s fabric provider \"%s\" does not match system "
          + "provider \"%s\"", Integer.toUnsignedString(req.getRank()), joinProv, sysProv));
    }
  }

  /**
   * The provider without utility-provider suffixes ("ofi+tcp;ofi_rxm" ⇒ "ofi+tcp"): CART-J engines name
   * their URIs after the core provider only.
   */
  static String baseProvider(String provider) {
    int semi = provider.indexOf(';');
    return semi < 0 ? provider : provider.substring(0, semi);
  }

  /** DAOS getPeerListenAddr: an explicit address is resolved; 0.0.0.0 takes the peer's IP. */
  static String controlAddr(String addr, String peerIp) {
    int colon = addr.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("get listening port: missing port in address \"" + addr + "\"");
    }
    String host = addr.substring(0, colon);
    String port = addr.substring(colon + 1);
    if (host.equals("0.0.0.0") || host.isEmpty()) {
      if (peerIp == null || peerIp.isEmpty()) {
        throw new IllegalArgumentException("peer details not found in context");
      }
      return peerIp + ":" + port;
    }
    try {
      return InetAddress.getByName(host).getHostAddress() + ":" + port;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot resolve control address \"" + addr + "\": " + e.getMessage());
    }
  }
}
