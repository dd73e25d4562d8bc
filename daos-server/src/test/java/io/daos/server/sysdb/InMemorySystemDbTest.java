package io.daos.server.sysdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.control.errors.NotLeaderException;
import io.daos.server.system.FaultDomain;
import io.daos.server.system.Member;
import io.daos.server.system.MemberState;
import io.daos.server.system.SystemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemorySystemDbTest {
  static Member member(int rank, String addr) {
    return Member.builder().rank(rank).uuid(UUID.randomUUID()).addr(addr).primaryFabricUri("ofi+tcp://" + addr)
        .state(MemberState.JOINED).faultDomain(FaultDomain.parse("/rack0/host")).build();
  }

  @Test
  void versionsFollowDaos() {
    InMemorySystemDb db = new InMemorySystemDb();
    assertEquals(1, db.nextRank());
    assertEquals(0, db.mapVersion());
    assertEquals(0, db.dataVersion());
    Member boot = db.addMember(member(0, "10.0.0.1:10001"));
    assertEquals(0, boot.rank());
    assertEquals(1, db.nextRank(), "an explicit rank leaves NextRank alone");
    Member m1 = db.addMember(member(Member.NIL_RANK, "10.0.0.2:10001"));
    Member m2 = db.addMember(member(Member.NIL_RANK, "10.0.0.2:10001"));
    assertEquals(List.of(1, 2), List.of(m1.rank(), m2.rank()));
    assertEquals(3, db.nextRank());
    db.updateMember(m1.withState(MemberState.STOPPED));
    db.incMapVersion();
    assertEquals(5, db.mapVersion());
    db.setSystemAttrs(Map.of("self_heal", "exclude"));
    assertEquals(5, db.mapVersion(), "attributes do not change the map");
    assertEquals(6, db.dataVersion());
    db.removeMember(m2);
    assertEquals(List.of(1), db.findMembersByAddr("10.0.0.2:10001").stream().map(Member::rank).toList());
    assertEquals(MemberState.STOPPED, db.findMemberByRank(1).orElseThrow().state());
    assertEquals(List.of(0, 1), db.memberRanks(MemberState.ALL_FILTER));
    assertEquals(1, db.memberCount(MemberState.JOINED.mask()));
  }

  @Test
  void duplicatesAreRejectedWithoutChangingVersions() {
    InMemorySystemDb db = new InMemorySystemDb();
    Member m = db.addMember(member(Member.NIL_RANK, "10.0.0.1:10001"));
    long dv = db.dataVersion();
    SystemException e = assertThrows(SystemException.class, () -> db.addMember(m.withRank(5)));
    assertEquals(SystemException.Kind.MEMBER_EXISTS, e.kind());
    assertThrows(SystemException.class, () -> db.addMember(member(1, "10.0.0.3:10001")));
    assertThrows(SystemException.class, () -> db.updateMember(member(9, "10.0.0.9:10001")));
    assertEquals(dv, db.dataVersion());
  }

  @Test
  void applyRejectsConflictsDeterministically() {
    DbState s = new DbState();
    Member m = member(3, "10.0.0.1:10001");
    assertTrue(s.apply(DbEntry.encode(DbOp.ADD_MEMBER, m)).ok());
    DbReply dup = s.apply(DbEntry.encode(DbOp.ADD_MEMBER, m));
    assertEquals(SystemException.Kind.MEMBER_EXISTS, dup.kind());
    assertEquals(1L, (long) s.read(t -> t.version));
    assertThrows(IllegalStateException.class, () -> s.apply("{not json".getBytes(StandardCharsets.UTF_8)));
    assertThrows(IllegalArgumentException.class, () -> s.apply("{\"op\":99}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void poolRecordsAndAttributes() {
    InMemorySystemDb db = new InMemorySystemDb();
    UUID id = UUID.randomUUID();
    db.addPoolService(PoolService.creating(id, "tank", new PoolServiceStorage("0-3", List.of(1L << 30), 0f)));
    assertEquals(List.of(), db.poolServices(false));
    PoolService ready = db.findPoolServiceByLabel("tank").orElseThrow().withState(PoolServiceState.READY)
        .withReplicas(List.of(0, 1, 2));
    db.updatePoolService(ready);
    db.updatePoolService(ready.withState(PoolServiceState.CREATING));
    assertEquals(PoolServiceState.READY, db.findPoolServiceByUuid(id).orElseThrow().state(),
        "a Ready pool is never set back to Creating");
    db.updatePoolService(ready.withLabel("pond"));
    assertTrue(db.findPoolServiceByLabel("tank").isEmpty());
    assertEquals(List.of(0, 1, 2), db.findPoolServiceByLabel("pond").orElseThrow().replicas());
    assertEquals("0-3", db.poolServices(true).get(0).storage().creationRankStr());
    db.removePoolService(id);
    assertTrue(db.poolServices(true).isEmpty());
    assertThrows(SystemException.class, () -> db.removePoolService(id));

    db.setSystemAttrs(Map.of("a", "1", "b", "2"));
    db.setSystemAttrs(Map.of("a", ""));
    assertEquals(Map.of("b", "2"), db.getSystemAttrs(List.of()));
    SystemException e = assertThrows(SystemException.class, () -> db.getSystemAttrs(List.of("a")));
    assertEquals(SystemException.Kind.ATTR_NOT_FOUND, e.kind());
  }

  @Test
  void snapshotRoundTrip() {
    InMemorySystemDb db = new InMemorySystemDb();
    db.addMember(member(0, "10.0.0.1:10001"));
    db.addMember(member(Member.NIL_RANK, "10.0.0.1:10001").toBuilder().secondaryFabricUris(List.of("x"))
        .secondaryFabricContexts(List.of(4)).incarnation(77).info("hi").build());
    db.addPoolService(PoolService.creating(UUID.randomUUID(), "p", null));
    db.setSystemAttrs(Map.of("k", "v"));
    DbState copy = new DbState();
    copy.restore(db.state.snapshot());
    assertEquals(db.allMembers(), copy.read(t -> List.copyOf(t.ranks.values())));
    assertEquals(db.dataVersion(), (long) copy.read(t -> t.version));
    assertEquals(db.nextRank(), (int) copy.read(t -> t.nextRank));
    assertEquals(db.mapVersion(), (int) copy.read(t -> t.mapVersion));
    assertEquals(db.poolServices(true), copy.read(t -> List.copyOf(t.pools.values())));
    assertEquals(Map.of("k", "v"), copy.read(t -> Map.copyOf(t.attrs)));
    assertEquals(2, copy.read(t -> t.membersAt("10.0.0.1:10001")).size());
    assertThrows(IllegalStateException.class, () -> copy.restore("{\"schema_version\":1}".getBytes()));
  }

  @Test
  void notLeaderWritesFailButReadsWork() {
    InMemorySystemDb db = new InMemorySystemDb();
    db.addMember(member(0, "10.0.0.1:10001"));
    List<String> events = new java.util.ArrayList<>();
    db.addLeadershipListener(new LeadershipListener() {
      @Override
      public void onLeadershipGained() {
        events.add("gained");
      }

      @Override
      public void onLeadershipLost() {
        events.add("lost");
      }
    });
    db.setLeader(false);
    assertThrows(NotLeaderException.class, () -> db.incMapVersion());
    assertEquals(1, db.allMembers().size());
    db.setLeader(true);
    assertEquals(List.of("lost", "gained"), events);
  }
}
