package io.daos.common.hostlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors DAOS's TestHostList_Create / TestHostList_Push (lib/hostlist/hostlist_test.go). */
class HostListTest {
  record CreateCase(String name, String start, String expRaw, String expUniq, int expCount, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static CreateCase ok(String name, String start, String raw, String uniq, int count) {
    return new CreateCase(name, start, raw, uniq, count, null);
  }

  static CreateCase err(String name, String start, String err) {
    return new CreateCase(name, start, null, null, 0, err);
  }

  static Stream<CreateCase> createCases() {
    return Stream.of(
        ok("simple", "node[1-128]", "node[1-128]", "node[1-128]", 128),
        ok("complex", "node2-1,node1-2,node1-[45,47],node3,node1-3",
            "node2-1,node1-[2,45,47],node3,node1-3", "node3,node1-[2-3,45,47],node2-1", 6),
        ok("complex with suffixes", "node2-1,node1-2.suffix1,node1-[45,47].suffix2,node3,node1-3",
            "node2-1,node1-2.suffix1,node1-[45,47].suffix2,node3,node1-3",
            "node3,node1-3,node1-2.suffix1,node1-[45,47].suffix2,node2-1", 6),
        ok("prefix-N", "node-3,node-1", "node-[3,1]", "node-[1,3]", 2),
        ok("prefixN-N", "node1-3,node1-1,node2-1", "node1-[3,1],node2-1", "node1-[1,3],node2-1", 3),
        ok("IP address range", "10.5.1.[2-32]:10001,10.5.1.42:10001,10.5.1.1:10001",
            "10.5.1.[2-32,42,1]:10001", "10.5.1.[1-32,42]:10001", 33),
        ok("duplicates removed", "node[1-128],node2,node4,node8,node16,node32,node64,node128",
            "node[1-128,2,4,8,16,32,64,128]", "node[1-128]", 128),
        ok("compatible padding", "node[001-9],node[010-20]", "node[001-020]", "node[001-020]", 20),
        ok("incompatible padding", "node[001-9],node[10-20]", "node[001-009,10-20]", "node[10-20,001-009]", 20),
        ok("space delimited", "node1 node2 node3", "node[1-3]", "node[1-3]", 3),
        ok("tab delimited", "node1\tnode2\tnode3", "node[1-3]", "node[1-3]", 3),
        ok("mixed delimiters", "node1\tnode2 node3,node4", "node[1-4]", "node[1-4]", 4),
        err("lo > hi", "node[5-4]", "invalid range"),
        err("NaN-lo", "node[a-b]", "invalid range"),
        err("NaN-hi", "node[0-b]", "invalid range"),
        err("bad range", "node[0--1]", "invalid range"),
        err("weird", "node[ab]", "invalid range"),
        err("unclosed range", "node[0-1", "invalid range"),
        err("no hostname", "[0-1,3-5]", "invalid range"),
        ok("single hyphen", "dserver-0001,dserver-0002,dserver-0003", "dserver-[0001-0003]",
            "dserver-[0001-0003]", 3),
        ok("multiple hyphens", "d-server-0001,d-server-0002,d-server-0003", "d-server-[0001-0003]",
            "d-server-[0001-0003]", 3),
        ok("multiple hyphens range", "d-server-[0001-0003]", "d-server-[0001-0003]", "d-server-[0001-0003]", 3),
        ok("multiple hyphens with suffix", "d-server-0001ab,d-server-0002ab", "d-server-[0001-0002]ab",
            "d-server-[0001-0002]ab", 2),
        err("negative port", "node4:10001,node5:-10001", "invalid hostname"),
        err("negative port with ip", "1.2.3.4:10001,1.2.3.5:-10001", "invalid hostname"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCases")
  void create(CreateCase tc) {
    if (tc.expErr() != null) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostList.parse(tc.start()));
      assertTrue(e.getMessage().contains(tc.expErr()), e.getMessage());
      return;
    }
    HostList hl = HostList.parse(tc.start());
    assertEquals(tc.expRaw(), hl.toString());
    HostList uniq = hl.uniq();
    assertEquals(tc.expUniq(), uniq.toString());
    assertEquals(tc.expCount(), uniq.count());
  }

  record PushCase(String name, String start, String push, String expRaw, String expUniq, int expCount) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<PushCase> pushCases() {
    return Stream.of(
        new PushCase("simple append", "node[2-5]", "node5,node6,node12,node[1-2]", "node[2-5,5-6,12,1-2]",
            "node[1-6,12]", 7),
        new PushCase("complex append (suffixes)", "node2,node2-1.prefix2,node2-2.prefix2",
            "node1-[2-5].prefix1,node2-[3-22].prefix2,node3",
            "node2,node2-[1-2].prefix2,node1-[2-5].prefix1,node2-[3-22].prefix2,node3",
            "node[2-3],node1-[2-5].prefix1,node2-[1-22].prefix2", 28),
        new PushCase("empty start", "", "node5,node6,node12,node[1-2]", "node[5-6,12,1-2]", "node[1-2,5-6,12]", 5),
        new PushCase("empty push", "node[2-5]", "", "node[2-5]", "node[2-5]", 4),
        new PushCase("single host", "node2", "node3", "node[2-3]", "node[2-3]", 2),
        new PushCase("incompatible widths", "node[0003-5]", "node[1-2]", "node[0003-0005,1-2]",
            "node[1-2,0003-0005]", 5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pushCases")
  void push(PushCase tc) {
    String joined = tc.start().isEmpty() ? tc.push() : tc.push().isEmpty() ? tc.start() : tc.start() + "," + tc.push();
    HostList hl = HostList.parse(joined);
    assertEquals(tc.expRaw(), hl.toString());
    assertEquals(tc.expUniq(), hl.uniq().toString());
    assertEquals(tc.expCount(), hl.uniq().count());
  }

  @Test
  void derangedKeepsPaddingAndPorts() {
    HostList hl = HostList.parse("node[08-10]:10001");
    assertEquals("node08:10001,node09:10001,node10:10001", hl.derangedString());
  }

  @Test
  void trailingSeparatorsAreTolerated() {
    assertEquals("node[1-2]", HostList.parse("node1, node2, ").toString());
  }
}
