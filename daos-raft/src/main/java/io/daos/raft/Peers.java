package io.daos.raft;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * The peer rules both Raft users share: a replica's Raft address is its service's host with the service port + 1
 * (MS: control port + 1; pool service: fabric port + 1), and a group id is a UUID (a pool's, or one derived from a
 * fixed name for the MS). How a peer id is named stays with each user.
 */
public final class Peers {
  private Peers() {
  }

  /**
   * The Raft address {@code host:(port + 1)} of a service listening at {@code host:port}.
   *
   * @throws IllegalArgumentException with {@code problem}'s message unless {@code port} is in 1..65534
   */
  public static String raftAddress(String host, int port, Supplier<String> problem) {
    if (port <= 0 || port >= 65535) {
      throw new IllegalArgumentException(problem.get());
    }
    return host + ":" + (port + 1);
  }

  public static RaftPeer peer(RaftPeerId id, String raftAddress) {
    return RaftPeer.newBuilder().setId(id).setAddress(raftAddress).build();
  }

  /** The group id of a Raft group named by a UUID (a pool service's: the pool UUID). */
  public static RaftGroupId groupId(UUID uuid) {
    return RaftGroupId.valueOf(uuid);
  }

  /** A group id that every replica derives from the same fixed {@code name} (the MS's). */
  public static RaftGroupId groupId(String name) {
    return groupId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
  }

  public static RaftGroup group(RaftGroupId id, Collection<RaftPeer> peers) {
    return RaftGroup.valueOf(id, List.copyOf(peers));
  }
}
