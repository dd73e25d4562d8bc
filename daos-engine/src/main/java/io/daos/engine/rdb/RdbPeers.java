package io.daos.engine.rdb;

import io.daos.cart.CartUri;
import io.daos.cart.PeerAuth;
import io.daos.raft.Peers;
import io.daos.raft.SharedKeyTls;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * The naming rules of pool-service Raft peers. A replica's peer id is {@code rank<N>}; its Raft address is the host
 * of its engine's CART-J URI ({@code ofi+tcp://ip:port}) with port + 1 (docs/extensions.md); a pool's group id is the
 * pool UUID.
 */
public final class RdbPeers {
  /** What the pool services' TLS secret is derived from: HMAC of this label under the system key. */
  private static final byte[] TLS_LABEL = "jdaos pool service raft tls".getBytes(StandardCharsets.UTF_8);

  private static final String PREFIX = "rank";

  private RdbPeers() {
  }

  /** The Raft address of the engine whose data plane listens at {@code cartUri}: same host, fabric port + 1. */
  public static String raftAddress(String cartUri) {
    CartUri u = CartUri.parse(cartUri);
    return Peers.raftAddress(u.host(), u.port(), () -> "engine URI \"" + cartUri
        + "\" must have a port between 1 and 65534 (the pool service Raft port is fabric_iface_port + 1)");
  }

  public static RaftPeerId peerId(int rank) {
    return RaftPeerId.valueOf(PREFIX + rank);
  }

  /** The rank of a peer id made by {@link #peerId}, if it is one. */
  public static OptionalInt rank(RaftPeerId id) {
    String s = id == null ? "" : id.toString();
    if (!s.startsWith(PREFIX)) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(s.substring(PREFIX.length())));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  public static RaftGroupId groupId(UUID pool) {
    return Peers.groupId(pool);
  }

  /** The group of {@code pool} with one peer per rank → Raft address entry. */
  public static RaftGroup group(UUID pool, Map<Integer, String> raftAddresses) {
    List<RaftPeer> peers = new ArrayList<>();
    raftAddresses.forEach((rank, addr) -> peers.add(Peers.peer(peerId(rank), addr)));
    return Peers.group(groupId(pool), peers);
  }

  /**
   * The pool services' TLS identity, derived from the system key {@code auth} holds (every engine of the system
   * derives the same), or null when the control plane handed out no key (a DAOS daos_server): then Raft runs in the
   * clear, as CART-J.
   */
  public static SharedKeyTls tls(PeerAuth auth) {
    return auth.keyed() ? SharedKeyTls.fromSecret(auth.mac(TLS_LABEL)) : null;
  }
}
