package io.daos.server.system;

import io.daos.server.sysdb.InMemorySystemDb;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Test fixtures shaped like DAOS's system/mocks.go. */
final class Mocks {
  static final Map<String, String> RESOLVE = Map.of(
      "127.0.0.1:10001", "127.0.0.1:10001", "127.0.0.2:10001", "127.0.0.2:10001",
      "127.0.0.3:10001", "127.0.0.3:10001", "foo-1:10001", "127.0.0.1:10001", "foo-2:10001", "127.0.0.2:10001",
      "foo-3:10001", "127.0.0.3:10001", "foo-4:10001", "127.0.0.4:10001", "foo-5:10001", "127.0.0.5:10001");

  private Mocks() {
  }

  /** DAOS test.MockUUID. */
  static UUID mockUuid(int i) {
    return UUID.fromString(String.format("%08d-%04d-%04d-%04d-%012d", i, i, i, i, i));
  }

  static String mockAddr(int idx) {
    return "127.0.0." + idx + ":10001";
  }

  /** DAOS MockMember: rank idx on 127.0.0.idx:10001, fabric URI = addr, idx contexts. */
  static Member member(int idx, MemberState state, String... info) {
    String addr = mockAddr(idx);
    return Member.builder().rank(idx).uuid(mockUuid(idx)).addr(addr).primaryFabricUri(addr)
        .primaryFabricContexts(idx).state(state).info(info.length > 0 ? info[0] : "").build();
  }

  static Member member(int idx, MemberState state, long incarnation) {
    return member(idx, state).toBuilder().incarnation(incarnation).build();
  }

  static Optional<String> resolve(String hostPort) {
    return Optional.ofNullable(RESOLVE.get(hostPort));
  }

  static Membership membership(InMemorySystemDb db, Member... members) {
    Membership ms = new Membership(db).withResolver(Mocks::resolve);
    for (Member m : members) {
      ms.add(m);
    }
    return ms;
  }

  /** Members compared without their last-update stamp. */
  static List<Member> unstamped(List<Member> ms) {
    return ms.stream().map(Mocks::unstamped).toList();
  }

  static Member unstamped(Member m) {
    return m == null ? null : m.withLastUpdate(Instant.EPOCH);
  }
}
