package io.daos.server.sysdb;

import static io.daos.server.sysdb.InMemorySystemDbTest.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.control.errors.NotLeaderException;
import io.daos.server.system.Member;
import io.daos.server.system.MemberState;
import io.daos.server.system.MemberWrite;
import io.daos.server.system.MemberWrite.Kind;
import io.daos.server.system.SystemException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MEMBER_BATCH entry: several member writes applied as one entry, all or nothing. */
class MemberBatchTest {
  @Test
  void batchIsOneEntryWithRanksInOrder() {
    InMemorySystemDb db = new InMemorySystemDb();
    Member boot = db.addMember(member(0, "10.0.0.1:10001"));
    List<Integer> ranks = db.writeBatch(List.of(
        new MemberWrite(Kind.ADD, member(Member.NIL_RANK, "10.0.0.2:10001")),
        new MemberWrite(Kind.UPDATE, boot.withState(MemberState.STOPPED)),
        new MemberWrite(Kind.ADD, member(Member.NIL_RANK, "10.0.0.2:10001")),
        new MemberWrite(Kind.ADD, member(7, "10.0.0.3:10001"))));
    assertEquals(List.of(1, 2, 7), ranks);
    assertEquals(2, db.dataVersion(), "one entry for the boot member, one for the batch");
    assertEquals(5, db.mapVersion(), "each member change still bumps the map version");
    assertEquals(3, db.nextRank());
    assertEquals(MemberState.STOPPED, db.findMemberByRank(0).orElseThrow().state());
    assertTrue(db.findMemberByRank(2).orElseThrow().lastUpdate().isAfter(Instant.EPOCH), "stamped");
  }

  @Test
  void conflictingBatchChangesNothing() {
    InMemorySystemDb db = new InMemorySystemDb();
    Member m = db.addMember(member(Member.NIL_RANK, "10.0.0.1:10001"));
    long dv = db.dataVersion();
    SystemException e = assertThrows(SystemException.class, () -> db.writeBatch(List.of(
        new MemberWrite(Kind.ADD, member(Member.NIL_RANK, "10.0.0.2:10001")),
        new MemberWrite(Kind.ADD, m.withRank(Member.NIL_RANK)))));
    assertEquals(SystemException.Kind.MEMBER_EXISTS, e.kind());
    assertEquals(dv, db.dataVersion());
    assertEquals(2, db.nextRank());
    assertEquals(List.of(1), db.memberRanks(MemberState.ALL_FILTER));
  }

  @Test
  void notLeaderWritesNothing() {
    InMemorySystemDb db = new InMemorySystemDb();
    db.setLeader(false);
    assertThrows(NotLeaderException.class,
        () -> db.writeBatch(List.of(new MemberWrite(Kind.ADD, member(Member.NIL_RANK, "10.0.0.2:10001")))));
    assertEquals(List.of(), db.writeBatch(List.of()), "an empty batch needs no leader and writes nothing");
    assertEquals(0, db.dataVersion());
  }
}
