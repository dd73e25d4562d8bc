package io.daos.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import io.daos.tool.output.pool.PoolQueryInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS's pool_test.go command cases (names kept), with the exact text and JSON the commands print. */
class PoolCmdTest {
  private FakeDaosApi api;

  @BeforeEach
  void setUp() {
    api = new FakeDaosApi();
    api.poolInfo = new PoolQueryInfo(api.poolUuid, "test-pool", 48, 48, 3, 0, 1, 2, List.of(0, 1, 2),
        new PoolQueryInfo.Rebuild(0, "idle", 0, 0, false),
        List.of(new PoolQueryInfo.Tier(64_000_000_000_000L, 16_000_000_000_000L, 0, 0, 0),
            new PoolQueryInfo.Tier(1_000_000_000_000_000L, 512_000_000_000_000L, 0, 0, 0)), null, List.of());
  }

  record ErrCase(String name, List<String> args, String setup, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<ErrCase> poolQueryCmd() {
    return Stream.of(
        new ErrCase("invalid flag", List.of("pool", "query", "test-pool", "--bad"), "", "unknown flag `bad'"),
        new ErrCase("missing pool ID", List.of("pool", "query"), "", "no pool UUID or label supplied"),
        new ErrCase("connect fails", List.of("pool", "query", "test-pool"), "connect",
            "failed to connect to pool test-pool: failed to connect to pool: whoops"),
        new ErrCase("all set (long)", List.of("pool", "query", "test-pool", "--show-enabled", "--health-only"), "",
            null),
        new ErrCase("all set (short)", List.of("pool", "query", "test-pool", "-e", "-t"), "", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("poolQueryCmd")
  void testDaos_poolQueryCmd(ErrCase tc) {
    check(tc);
  }

  static Stream<ErrCase> poolSetAttrCmd() {
    return Stream.of(
        new ErrCase("invalid flag", List.of("pool", "set-attr", "test-pool", "--bad", "a:b"), "",
            "unknown flag `bad'"),
        new ErrCase("connect fails", List.of("pool", "set-attr", "test-pool", "a:b"), "connect",
            "failed to connect to pool test-pool: failed to connect to pool: whoops"),
        new ErrCase("missing required arguments", List.of("pool", "set-attr", "test-pool"), "",
            "the required argument `key:val[,key:val...]` was not provided"),
        new ErrCase("malformed required arguments", List.of("pool", "set-attr", "test-pool", "key1,key2"), "",
            "invalid property \"key1\" (must be key:val)"),
        new ErrCase("success", List.of("pool", "set-attr", "test-pool", "key1:val1,key2:val2"), "", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("poolSetAttrCmd")
  void testDaos_poolSetAttrCmd(ErrCase tc) {
    check(tc);
  }

  static Stream<ErrCase> poolGetAttrCmd() {
    return Stream.of(
        new ErrCase("invalid flag", List.of("pool", "get-attr", "test-pool", "--bad"), "", "unknown flag `bad'"),
        new ErrCase("missing pool ID", List.of("pool", "get-attr"), "", "no pool UUID or label supplied"),
        new ErrCase("malformed arguments", List.of("pool", "get-attr", "test-pool", "key1:key2"), "",
            "\"key1:key2\": key cannot contain ':'"),
        new ErrCase("unknown key(s)", List.of("pool", "get-attr", "test-pool", "key1,key2"), "",
            "failed to get attributes for pool test-pool: DER_NONEXIST(-1005): The specified entity does not exist"),
        new ErrCase("success (one key)", List.of("pool", "get-attr", "test-pool", "one"), "attrs", null),
        new ErrCase("success (all keys)", List.of("pool", "get-attr", "test-pool"), "attrs", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("poolGetAttrCmd")
  void testDaos_poolGetAttrCmd(ErrCase tc) {
    check(tc);
  }

  static Stream<ErrCase> poolDelAttrCmd() {
    return Stream.of(
        new ErrCase("missing required arguments", List.of("pool", "del-attr", "test-pool"), "",
            "the required argument `key[,key...]` was not provided"),
        new ErrCase("success (one key)", List.of("pool", "del-attr", "test-pool", "one"), "attrs", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("poolDelAttrCmd")
  void testDaos_poolDelAttrCmd(ErrCase tc) {
    check(tc);
  }

  private void check(ErrCase tc) {
    if (tc.setup().equals("connect")) {
      api.connectErr = new IllegalStateException("whoops");
    } else if (tc.setup().equals("attrs")) {
      api.poolAttrs.put("one", "uno".getBytes(StandardCharsets.UTF_8));
    }
    CliRun r = CliRun.run(api, tc.args().toArray(String[]::new));
    if (tc.expErr() == null) {
      assertEquals(0, r.rc(), r.err());
      assertEquals("", r.err());
    } else {
      assertEquals(1, r.rc());
      assertTrue(r.err().startsWith("ERROR: daos: " + tc.expErr() + "\n"), r.err());
    }
  }

  @Test
  void poolQueryText() {
    CliRun r = CliRun.run(api, "pool", "query", "test-pool");
    assertEquals("""
        Pool 00000001-0001-0001-0001-000000000001, ntarget=48, disabled=0, leader=2, version=1, state=Ready
        Pool health info:
        - Rebuild idle, 0 objs, 0 recs
        - Data redundancy: normal
        Pool space info:
        - Target count:48
        - Storage tier 0 (SCM):
          Total size: 64 TB
          Free: 16 TB, min:0 B, max:0 B, mean:0 B
        - Storage tier 1 (NVME):
          Total size: 1.0 PB
          Free: 512 TB, min:0 B, max:0 B, mean:0 B
        """, r.out());
    assertEquals(List.of("connectPool(test-pool,1)", "query(false)", "disconnect"), api.calls);
  }

  @Test
  void poolQueryHealthOnlyWithEnabledRanks() {
    api.poolInfo = new PoolQueryInfo(api.poolUuid, "test-pool", 8, 6, 4, 2, 5, 0, List.of(0), null,
        List.of(new PoolQueryInfo.Tier(2, 1, 0, 0, 0)), List.of(0, 1, 2), List.of(3));
    CliRun r = CliRun.run(api, "pool", "query", "test-pool", "-t", "-e");
    assertEquals("""
        Pool 00000001-0001-0001-0001-000000000001, ntarget=8, disabled=2, leader=0, version=5, state=TargetsExcluded
        Pool health info:
        - Enabled ranks: 0-2
        - Disabled ranks: 3
        - No rebuild status available.
        """, r.out());
    CliRun j = CliRun.run(api, "-j", "pool", "query", "test-pool", "-t", "-e");
    assertTrue(j.out().contains("\"query_mask\": \"dead_engines,disabled_engines,enabled_engines,rebuild\""));
    assertTrue(j.out().contains("\"tier_stats\": null,\n    \"enabled_ranks\": [\n      0,\n      1,\n      2\n"
        + "    ],\n    \"disabled_ranks\": [\n      3\n    ],"), j.out());
  }

  @Test
  void poolQueryJson() {
    CliRun r = CliRun.run(api, "pool", "query", "test-pool", "--json");
    assertEquals(0, r.rc());
    assertTrue(r.out().startsWith("""
        {
          "response": {
            "query_mask": "disabled_engines,rebuild,space",
            "state": "Ready",
            "uuid": "00000001-0001-0001-0001-000000000001",
            "label": "test-pool",
            "total_targets": 48,
            "active_targets": 48,
            "total_engines": 3,
            "disabled_targets": 0,
            "version": 1,
            "svc_ldr": 2,
            "svc_reps": [
              0,
              1,
              2
            ],
            "rebuild": {
              "status": 0,
              "state": "idle",
              "derived_state": "idle",
        """), r.out());
    assertTrue(r.out().endsWith("""
            "usage": [
              {
                "tier_name": "SCM",
                "size": 64000000000000,
                "free": 16000000000000,
                "imbalance": 0
              },
              {
                "tier_name": "NVME",
                "size": 1000000000000000,
                "free": 512000000000000,
                "imbalance": 0
              }
            ]
          },
          "error": null,
          "status": 0
        }
        """), r.out());
  }

  @Test
  void poolQueryNonexistentPool() {
    CliRun r = CliRun.run(api, "-j", "pool", "query", "nopool");
    assertEquals(1, r.rc());
    assertEquals("""
        {
          "response": null,
          "error": "failed to connect to pool nopool: failed to connect to pool: DER_NONEXIST(-1005): The specified \
        entity does not exist",
          "status": -1005
        }
        """, r.out());
    assertTrue(r.err().startsWith("ERROR: daos: failed to connect to pool nopool: failed to connect to pool: "
        + "DER_NONEXIST(-1005): The specified entity does not exist\nERROR: daos: check the name or UUID"), r.err());
  }

  @Test
  void poolAttributes() {
    CliRun set = CliRun.run(api, "pool", "set-attr", "test-pool", "b:two,a:one");
    assertEquals("Attributes successfully set on pool \"test-pool\"\n", set.out());
    assertEquals("""
        Attributes for pool test-pool:
        Name\s
        ----\s
        a   \s
        b   \s
        """, CliRun.run(api, "pool", "list-attr", "test-pool").out());
    assertEquals("""
        Attributes for pool test-pool:
        Name Value\s
        ---- -----\s
        a    one  \s
        b    two  \s
        """, CliRun.run(api, "pool", "get-attr", "test-pool").out());
    assertEquals("{\n  \"response\": [\n    \"a\",\n    \"b\"\n  ],\n  \"error\": null,\n  \"status\": 0\n}\n",
        CliRun.run(api, "-j", "pool", "list-attr", "test-pool").out());
    assertEquals("{\n  \"response\": {\n    \"a\": \"b25l\",\n    \"b\": \"dHdv\"\n  },\n  \"error\": null,\n"
        + "  \"status\": 0\n}\n", CliRun.run(api, "-j", "pool", "list-attr", "test-pool", "-V").out());
    assertEquals("Attribute(s) a,b successfully deleted on pool \"test-pool\"\n",
        CliRun.run(api, "pool", "del-attr", "test-pool", "b,a").out());
    assertEquals("Attributes for pool test-pool:\n  No attributes found.\n",
        CliRun.run(api, "pool", "list-attr", "test-pool").out());
  }

  @Test
  void poolListContainersAlias() {
    api.addCont("00000001-0001-0001-0001-000000000002", "c1", 1);
    CliRun r = CliRun.run(api, "pool", "list-cont", "test-pool");
    assertEquals("Containers in pool test-pool:\n  Label UUID                                 \n"
        + "  ----- ----                                 \n  c1    00000001-0001-0001-0001-000000000002 \n", r.out());
    assertEquals("""
        {
          "response": [
            {
              "uuid": "00000001-0001-0001-0001-000000000002",
              "label": "c1"
            }
          ],
          "error": null,
          "status": 0
        }
        """, CliRun.run(api, "-j", "pool", "list-containers", "test-pool").out());
  }

  @Test
  void serviceErrorKeepsItsStatusInJson() {
    api.opErr = new DaosException(DaosStatus.NO_PERM, "no");
    CliRun r = CliRun.run(api, "-j", "pool", "list-attr", "test-pool");
    assertTrue(r.out().contains("\"status\": -1001"), r.out());
    assertTrue(r.err().contains("failed to list attributes for pool test-pool: DER_NO_PERM(-1001)"), r.err());
  }
}
