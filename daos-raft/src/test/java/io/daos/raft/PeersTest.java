package io.daos.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.junit.jupiter.api.Test;

class PeersTest {
  @Test
  void raftPortIsTheServicePortPlusOne() {
    assertEquals("10.0.0.1:10002", Peers.raftAddress("10.0.0.1", 10001, () -> "unused"));
    assertEquals("h:65535", Peers.raftAddress("h", 65534, () -> "unused"));
  }

  @Test
  void aPortWithoutARaftPortAfterItIsRefusedWithTheCallersMessage() {
    for (int port : new int[] {-1, 0, 65535}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Peers.raftAddress("h", port, () -> "bad port " + port));
      assertEquals("bad port " + port, e.getMessage());
    }
  }

  @Test
  void groupIds() {
    UUID pool = UUID.fromString("11111111-2222-3333-4444-555555555555");
    assertEquals(pool, Peers.groupId(pool).getUuid());
    // The MS storage dir holds a directory named by this UUID: it must never change.
    assertEquals(UUID.fromString("f85937e1-db6e-3d26-b94a-c1c097ec71dd"),
        Peers.groupId("jdaos management service").getUuid());
  }

  @Test
  void groupHoldsThePeers() {
    RaftPeer a = Peers.peer(RaftPeerId.valueOf("rank1"), "10.0.0.1:31417");
    RaftPeer b = Peers.peer(RaftPeerId.valueOf("rank0"), "10.0.0.2:31417");
    RaftGroup g = Peers.group(Peers.groupId("x"), List.of(a, b));
    assertEquals("10.0.0.1:31417", g.getPeer(RaftPeerId.valueOf("rank1")).getAddress());
    assertEquals(Set.of(a, b), Set.copyOf(g.getPeers()));
  }
}
