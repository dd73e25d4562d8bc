package io.daos.engine.rdb;

import io.daos.cart.CartUri;
import io.daos.raft.Peers;
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
}
