package io.daos.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS's container_test.go command cases (names kept), and exact text/JSON of the container commands. */
class ContainerCmdTest {
  private static final String C1 = "00000001-0001-0001-0001-000000000002";
  private FakeDaosApi api;

  @BeforeEach
  void setUp() {
    api = new FakeDaosApi();
    api.addCont(C1, "test-container", 1).attrs.put("one", "uno".getBytes(StandardCharsets.UTF_8));
  }

  record Case(String name, String cmd, List<String> extra, String setup, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case c(String name, String cmd, List<String> extra, String setup, String expErr) {
    return new Case(name, cmd, extra, setup, expErr);
  }

  static Stream<Case> containerSetAttrCmd() {
    return Stream.of(
        c("invalid flag", "set-attr", List.of("--bad", "key1:val1"), "", "unknown flag `bad'"),
        c("open fails", "set-attr", List.of("key1:val1"), "open", "failed to open container \"test-container\": "
            + "whoops"),
        c("missing required arguments", "set-attr", List.of(), "", "attribute name and value are required"),
        c("malformed required arguments", "set-attr", List.of("key1,key2"), "", "invalid property \"key1\""),
        c("success", "set-attr", List.of("key1:val1,key2:val2"), "", null),
        c("success (one key, deprecated flag)", "set-attr", List.of("--attr", "one", "--value", "uno"), "", null));
  }

  static Stream<Case> containerGetAttrCmd() {
    return Stream.of(
        c("invalid flag", "get-attr", List.of("--bad"), "", "unknown flag `bad'"),
        c("missing container ID", "get-attr", null, "", "no container label or UUID supplied"),
        c("connect fails", "get-attr", List.of(), "connect", "failed to connect to pool \"test-pool\": failed to "
            + "connect to pool: whoops"),
        c("malformed arguments", "get-attr", List.of("key1:key2"), "", "\"key1:key2\": key cannot contain"),
        c("unknown key(s)", "get-attr", List.of("key1,key2"), "", "failed to get attributes for container "
            + "test-container: DER_NONEXIST(-1005)"),
        c("success (one key)", "get-attr", List.of("one"), "", null),
        c("success (one key, deprecated flag)", "get-attr", List.of("--attr", "one"), "", null),
        c("both flag and positional", "get-attr", List.of("--attr", "one", "two"), "",
            "cannot specify both --attr and positional arguments"),
        c("success (all keys)", "get-attr", List.of(), "", null));
  }

  static Stream<Case> containerDelAttrCmd() {
    return Stream.of(
        c("invalid flag", "del-attr", List.of("--bad"), "", "unknown flag `bad'"),
        c("missing required arguments", "del-attr", List.of(), "", "attribute name is required"),
        c("connect fails", "del-attr", List.of("key1,key2"), "open", "failed to open container"),
        c("malformed arguments", "del-attr", List.of("key1:key2"), "", "\"key1:key2\": key cannot contain"),
        c("success (one key)", "del-attr", List.of("one"), "", null),
        c("success (deprecated flag)", "del-attr", List.of("--attr", "one"), "", null),
        c("both flag and positional", "del-attr", List.of("--attr", "one", "two"), "",
            "cannot specify both --attr and positional arguments"));
  }

  static Stream<Case> containerListAttrCmd() {
    return Stream.of(
        c("invalid flag", "list-attr", List.of("--bad"), "", "unknown flag `bad'"),
        c("missing container ID", "list-attr", null, "", "no container label or UUID supplied"),
        c("connect fails", "list-attr", List.of(), "connect", "failed to connect to pool"),
        c("success", "list-attr", List.of(), "", null),
        c("success (verbose, short)", "list-attr", List.of("-V"), "", null),
        c("success (verbose, long)", "list-attr", List.of("--verbose"), "", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("containerSetAttrCmd")
  void testDaos_containerSetAttrCmd(Case tc) {
    check(tc);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("containerGetAttrCmd")
  void testDaos_containerGetAttrCmd(Case tc) {
    check(tc);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("containerDelAttrCmd")
  void testDaos_containerDelAttrCmd(Case tc) {
    check(tc);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("containerListAttrCmd")
  void testDaos_containerListAttrCmd(Case tc) {
    check(tc);
  }

  private void check(Case tc) {
    if (tc.setup().equals("connect")) {
      api.connectErr = new IllegalStateException("whoops");
    } else if (tc.setup().equals("open")) {
      api.openErr = new IllegalStateException("whoops");
    }
    List<String> args = new java.util.ArrayList<>(List.of("container", tc.cmd(), "test-pool"));
    if (tc.extra() != null) {
      args.add("test-container");
      args.addAll(tc.extra());
    }
    CliRun r = CliRun.run(api, args.toArray(String[]::new));
    if (tc.expErr() == null) {
      assertEquals(0, r.rc(), r.err());
    } else {
      assertEquals(1, r.rc());
      assertTrue(r.err().startsWith("ERROR: daos: " + tc.expErr()), r.err());
    }
  }

  @Test
  void createWithLabelTypeAndProperties() {
    CliRun r = CliRun.run(api, "container", "create", "test-pool", "c2", "--type", "POSIX", "--properties",
        "rd_fac:1,cksum:crc32");
    assertEquals(0, r.rc(), r.err());
    String pad = " ".repeat(34);
    assertEquals("Successfully created container 22222222-2222-2222-2222-222222222222 type POSIX\n"
        + "  Container UUID : 22222222-2222-2222-2222-222222222222\n"
        + "  Container Label: c2" + pad + "\n"
        + "  Container Type : POSIX" + pad.substring(3) + "\n\n", r.out());
    assertEquals("createContainer(ContainerProps{4098=1, 4100=2, 4103=1}{4097=c2})", api.calls.get(1));
  }

  @Test
  void createJsonIsTheContainerInfo() {
    CliRun r = CliRun.run(api, "-j", "cont", "create", "test-pool", "--type", "hdf5");
    assertEquals("""
        {
          "response": {
            "pool_uuid": "00000001-0001-0001-0001-000000000001",
            "container_uuid": "22222222-2222-2222-2222-222222222222",
            "redundancy_factor": 0,
            "num_handles": 1,
            "num_snapshots": 0,
            "container_type": "HDF5",
            "health": ""
          },
          "error": null,
          "status": 0
        }
        """, r.out());
  }

  record BadCreate(String name, List<String> args, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<BadCreate> badCreates() {
    return Stream.of(
        new BadCreate("label twice", List.of("c2", "--properties", "label:c3"),
            "can't supply label arg and --properties label:"),
        new BadCreate("unknown type", List.of("-t", "NOPE"), "unknown container layout \"NOPE\""),
        new BadCreate("bad choice", List.of("--properties", "rd_fac:9"),
            "properties: invalid choice \"9\" for rd_fac (valid: 0,1,2,3,4)"),
        new BadCreate("read-only property", List.of("--properties", "layout_type:POSIX"),
            "\"layout_type\" is not a settable property"),
        new BadCreate("bad ec cell size", List.of("--properties", "ec_cell_sz:100"), "invalid ec_cell_sz 100"),
        new BadCreate("bad object class", List.of("-o", "XYZ"), "unknown object class \"XYZ\""),
        new BadCreate("bad label", List.of("bad/label"), "invalid label \"bad/label\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCreates")
  void createRejectsBadInput(BadCreate tc) {
    List<String> args = new java.util.ArrayList<>(List.of("container", "create", "test-pool"));
    args.addAll(tc.args());
    CliRun r = CliRun.run(api, args.toArray(String[]::new));
    assertEquals(1, r.rc());
    assertTrue(r.err().startsWith("ERROR: daos: " + tc.expErr()), r.err());
    assertEquals(1, api.conts.size(), "nothing was created");
  }

  @Test
  void getPropNamedAndJson() {
    CliRun r = CliRun.run(api, "cont", "get-prop", "test-pool", "test-container", "label,layout_type,rd_fac");
    assertEquals("""
        Properties for container test-container
        Name                                                                                            Value         \s
        ----                                                                                            -----         \s
        Label (label)                                                                                   test-container\s
        Layout Type (unknown, POSIX, HDF5, PYTHON, SPARK, DATABASE, ROOT, SEISMIC, METEO) (layout_type) POSIX         \s
        Redundancy Factor (0-4) (rd_fac)                                                                not set       \s
        """, r.out());
    CliRun j = CliRun.run(api, "-j", "cont", "get-prop", "test-pool", "test-container", "alloc_oid,layout_type");
    assertEquals("""
        {
          "response": [
            {
              "value": 0,
              "name": "alloc_oid",
              "description": "Highest Allocated OID"
            },
            {
              "value": "POSIX",
              "name": "layout_type",
              "description": "Layout Type (unknown, POSIX, HDF5, PYTHON, SPARK, DATABASE, ROOT, SEISMIC, METEO)"
            }
          ],
          "error": null,
          "status": 0
        }
        """, j.out());
    CliRun bad = CliRun.run(api, "cont", "get-prop", "test-pool", "test-container", "nope");
    assertTrue(bad.err().startsWith("ERROR: daos: failed to fetch properties for container test-container: "
        + "properties: unknown property \"nope\" (valid: acl,alloc_oid,"), bad.err());
  }

  @Test
  void setPropOnlyLabelAndStatus() {
    CliRun r = CliRun.run(api, "cont", "set-prop", "test-pool", "test-container", "label:renamed");
    assertEquals("Properties were successfully set\n", r.out());
    assertTrue(api.calls.contains("setProps(ContainerProps{}{4097=renamed})"), api.calls.toString());
    CliRun bad = CliRun.run(api, "cont", "set-prop", "test-pool", "renamed", "rd_fac:2");
    assertEquals("ERROR: daos: \"rd_fac\" is not a settable property (valid: label,status)\n", bad.err());
    assertEquals("ERROR: daos: property name and value are required\n",
        CliRun.run(api, "cont", "set-prop", "test-pool", "renamed").err());
  }

  @Test
  void attributesTextAndJson() {
    CliRun.run(api, "cont", "set-attr", "test-pool", "test-container", "two:dos");
    assertEquals("""
        Attributes for container test-container:
        Name Value\s
        ---- -----\s
        one  uno  \s
        two  dos  \s
        """, CliRun.run(api, "cont", "list-attr", "test-pool", "test-container", "-V").out());
    assertEquals("{\n  \"response\": {\n    \"name\": \"one\",\n    \"value\": \"dW5v\"\n  },\n  \"error\": null,\n"
        + "  \"status\": 0\n}\n", CliRun.run(api, "-j", "cont", "get-attr", "test-pool", "test-container", "one").out());
    assertEquals("Attribute(s) one successfully deleted on container \"test-container\"\n",
        CliRun.run(api, "cont", "del-attr", "test-pool", "test-container", "--attr", "one").out());
  }

  @Test
  void snapshots() {
    CliRun created = CliRun.run(api, "cont", "create-snap", "test-pool", "test-container", "-s", "s1");
    assertEquals("snapshot/epoch 0x1b0a2c3d4e000000 has been created (timestamp: 2024-11-10T10:42:31.912+00:00)\n",
        created.out());
    CliRun.run(api, "cont", "snap", "test-pool", "test-container");
    assertEquals("""
        Timestamp                     Epoch              Name\s
        ---------                     -----              ----\s
        2024-11-10T10:42:31.912+00:00 0x1b0a2c3d4e000000 s1  \s
        2024-11-10T10:42:31.912+00:00 0x1b0a2c3d4e100000     \s
        """, CliRun.run(api, "cont", "list-snaps", "test-pool", "test-container").out());
    assertEquals("""
        {
          "response": {
            "epoch": %d,
            "timestamp": "2024-11-10T10:42:31.912+00:00"
          },
          "error": null,
          "status": 0
        }
        """.formatted(0x1b0a2c3d4e200000L), CliRun.run(api, "-j", "cont", "create-snap", "test-pool", "test-container").out());
    CliRun d = CliRun.run(api, "cont", "destroy-snap", "test-pool", "test-container", "-s", "s1");
    assertEquals(0, d.rc(), d.err());
    assertEquals("", d.out());
    assertEquals(0, CliRun.run(api, "cont", "destroy-snap", "test-pool", "test-container", "-r",
        "0x1b0a2c3d4e100000-0x1b0a2c3d4e200000").rc());
    assertEquals("No snapshots.\n", CliRun.run(api, "cont", "list-snap", "test-pool", "test-container").out());
    CliRun.run(api, "cont", "create-snap", "test-pool", "test-container");
    assertEquals("{\n  \"response\": null,\n  \"error\": null,\n  \"status\": 0\n}\n",
        CliRun.run(api, "-j", "cont", "destroy-snap", "test-pool", "test-container", "-e", "0x1b0a2c3d4e300000")
            .out());
    CliRun gone = CliRun.run(api, "cont", "destroy-snap", "test-pool", "test-container", "-e", "0x1b0a2c3d4e300000");
    assertTrue(gone.err().startsWith("ERROR: daos: failed to destroy snapshots of container test-container: "
        + "DER_NONEXIST(-1005)"), gone.err());
  }

  @Test
  void destroySnapNeedsOneSelector() {
    assertEquals("ERROR: daos: must specify one of snapshot name or epoch or epoch range\n",
        CliRun.run(api, "cont", "destroy-snap", "test-pool", "test-container").err());
    assertEquals("ERROR: daos: failed to parse \"zz\" as uint64\n\n",
        CliRun.run(api, "cont", "destroy-snap", "test-pool", "test-container", "-e", "zz").err());
    assertEquals("ERROR: daos: range begin must be < end\n",
        CliRun.run(api, "cont", "destroy-snap", "test-pool", "test-container", "-r", "5-5").err());
  }

  @Test
  void queryAndDestroy() {
    CliRun q = CliRun.run(api, "cont", "query", "test-pool", "test-container");
    assertTrue(q.out().startsWith("  Container UUID              : " + C1), q.out());
    assertTrue(q.out().contains("\n  Container redundancy factor : 0 "), q.out());
    assertEquals("Successfully destroyed container test-container\n",
        CliRun.run(api, "cont", "destroy", "test-pool", "test-container", "-f").out());
    assertTrue(api.calls.contains("destroyContainer(test-container,true)"), api.calls.toString());
    CliRun again = CliRun.run(api, "cont", "destroy", "test-pool", "test-container");
    assertEquals(1, again.rc());
    assertTrue(again.err().startsWith("ERROR: daos: failed to destroy container test-container: failed to "
        + "destroy container \"test-container\": DER_NONEXIST(-1005): The specified entity does not exist\n"
        + "ERROR: daos: check the name or UUID"), again.err());
    assertEquals("No containers.\n", CliRun.run(api, "cont", "ls", "test-pool").out());
  }

  @Test
  void versionAndUsage() {
    assertEquals("DAOS CLI version 2.9.100, libdaos v2.8.0\n", CliRun.run(api, "version").out());
    CliRun none = CliRun.run(api);
    assertEquals(1, none.rc());
    assertTrue(api.closed || api.calls.isEmpty());
  }
}
