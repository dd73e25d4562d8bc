package io.daos.server.sysdb;

import io.daos.raft.Peers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * Maps MS replica control addresses to Ratis peers. The one rule: a replica's Raft port is its control port
 * + 1 (control 10.0.0.1:10001 ⇒ Raft 10.0.0.1:10002); the peer id is the control address.
 */
final class RaftPeers {
  /** Every jdaos MS uses the same Raft group id. */
  static final RaftGroupId GROUP_ID = Peers.groupId("jdaos management service");

  private final Map<String, RaftPeer> byControlAddr = new LinkedHashMap<>();

  RaftPeers(List<String> controlAddrs) {
    for (String a : controlAddrs) {
      byControlAddr.put(a, Peers.peer(peerId(a), raftAddress(a)));
    }
  }

  /** Raft address of the replica whose control plane listens at {@code controlAddr}: same host, port + 1. */
  static String raftAddress(String controlAddr) {
    int colon = controlAddr == null ? -1 : controlAddr.lastIndexOf(':');
    int port;
    try {
      port = colon <= 0 ? -1 : Integer.parseInt(controlAddr.substring(colon + 1));
    } catch (RuntimeException e) {
      port = -1;
    }
    return Peers.raftAddress(colon <= 0 ? "" : controlAddr.substring(0, colon), port,
        () -> "MS replica address \"" + controlAddr
            + "\" must be host:port with a port below 65535 (the Raft port is the control port + 1)");
  }

  static RaftPeerId peerId(String controlAddr) {
    return RaftPeerId.valueOf(controlAddr.replace(':', '_'));
  }

  RaftPeer peer(String controlAddr) {
    return byControlAddr.get(controlAddr);
  }

  /** Control address of a peer id, if it is a configured replica. */
  Optional<String> controlAddr(RaftPeerId id) {
    return byControlAddr.entrySet().stream().filter(e -> e.getValue().getId().equals(id))
        .map(Map.Entry::getKey).findFirst();
  }

  RaftGroup allPeersGroup() {
    return Peers.group(GROUP_ID, byControlAddr.values());
  }
}
