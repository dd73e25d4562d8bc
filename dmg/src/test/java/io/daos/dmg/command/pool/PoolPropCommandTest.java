package io.daos.dmg.command.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.dmg.command.CommandError;
import io.daos.dmg.output.DmgJson;
import io.daos.proto.mgmt.PoolGetPropResp;
import io.daos.proto.mgmt.PoolProperty;
import io.daos.proto.mgmt.PoolSetPropReq;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** DAOS dmg TestPoolCommands set-prop/get-prop cases, the property table and the get-prop JSON shape. */
class PoolPropCommandTest {
  private static PoolProperty num(int n, long v) {
    return PoolProperty.newBuilder().setNumber(n).setNumval(v).build();
  }

  private static PoolProperty str(int n, String v) {
    return PoolProperty.newBuilder().setNumber(n).setStrval(v).build();
  }

  private static PoolSetPropReq set(String... args) {
    PoolSetPropCommand c = new PoolSetPropCommand();
    new CommandLine(c).parseArgs(args);
    return c.request("daos_server");
  }

  static Stream<Arguments> setPropCases() {
    return Stream.of(
        Arguments.of("Set pool properties", new String[] {"tank", "label:foo,space_rb:20%,reclaim:lazy"},
            List.of(str(1, "foo"), num(5, 1), num(3, 20))),
        Arguments.of("Set pool property self_heal", new String[] {"tank", "self_heal:exclude;rebuild"},
            List.of(num(4, 3))),
        Arguments.of("Set pool property ec_cell_sz", new String[] {"tank", "ec_cell_sz:1MiB,data_thresh:8KiB"},
            List.of(num(10, 8192), num(9, 1L << 20))),
        Arguments.of("Set pool property svc_rf and checkpoint", new String[] {"tank", "svc_rf:3,checkpoint:lazy,"
            + "scrub:timed,reintegration:no_data_sync"}, List.of(num(22, 2), num(25, 1), num(16, 2), num(19, 3))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setPropCases")
  void setProp(String name, String[] args, List<PoolProperty> want) {
    PoolSetPropReq r = set(args);
    assertEquals("tank", r.getId());
    assertEquals(want, r.getPropertiesList());
  }

  static Stream<Arguments> badSetPropCases() {
    return Stream.of(
        Arguments.of("Set pool property missing value", "label:"),
        Arguments.of("Set pool property bad key", "whoops:blah"),
        Arguments.of("Set pool property bad space_rb", "space_rb:101"),
        Arguments.of("Set pool property bad reclaim", "reclaim:sometimes"),
        Arguments.of("Set pool property bad label", "label:bad/label"),
        Arguments.of("Set pool property bad ec_cell_sz", "ec_cell_sz:2MiB"),
        Arguments.of("Set pool property svc_list", "svc_list:[0-2]"),
        Arguments.of("Set pool property perf_domain", "perf_domain:root"),
        Arguments.of("Set pool property ec_pda", "ec_pda:1"),
        Arguments.of("Set pool property twice", "space_rb:1,space_rb:2"),
        Arguments.of("Set pool property no colon", "label"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSetPropCases")
  void badSetProp(String name, String arg) {
    assertThrows(CommandError.class, () -> set("tank", arg));
  }

  @Test
  void getPropDefaultsToAllInNameOrderAndAcceptsDeprecatedRf() {
    List<PoolPropDef> all = PoolPropFlags.parseGet(List.of());
    assertEquals("checkpoint", all.get(0).name());
    assertEquals(23, all.size(), "DAOS lists 23 pool properties");
    assertEquals(List.of("label", "rd_fac"), PoolPropFlags.parseGet(List.of("rf,label")).stream()
        .map(PoolPropDef::name).toList());
    assertThrows(CommandError.class, () -> PoolPropFlags.parseGet(List.of("bogus")));
  }

  @Test
  void getPropTableAndJsonAsDaos() {
    List<PoolPropDef> defs = PoolPropFlags.parseGet(List.of("label,space_rb,self_heal,ec_cell_sz,svc_list,"
        + "perf_domain,upgrade_status"));
    PoolGetPropResp resp = PoolGetPropResp.newBuilder().addProperties(str(1, "tank")).addProperties(num(3, 5))
        .addProperties(num(4, 3)).addProperties(num(9, 128 * 1024)).addProperties(str(8, "[0-2]"))
        .addProperties(num(21, 255)).addProperties(num(15, 0)).build();
    List<PoolGetPropCommand.Value> values = PoolGetPropCommand.match(defs, resp);
    StringBuilder out = new StringBuilder();
    PoolGetPropCommand.print(out, "tank", values);
    String s = out.toString();
    assertTrue(s.startsWith("Pool tank properties:\n"), s);
    assertTrue(s.contains("EC cell size (ec_cell_sz)"), s);
    assertTrue(s.contains("128 KiB"), s);
    assertTrue(s.contains("Rebuild space ratio (space_rb)"), s);
    assertTrue(s.contains("5%"), s);
    assertTrue(s.contains("exclude;rebuild"), s);
    assertTrue(s.contains("not started"), s);
    assertTrue(s.contains("root"), s);
    String json = DmgJson.gson().toJson(PoolGetPropCommand.json(values));
    assertEquals("[{\"name\":\"ec_cell_sz\",\"description\":\"EC cell size\",\"value\":131072},"
        + "{\"name\":\"label\",\"description\":\"Pool label\",\"value\":\"tank\"},"
        + "{\"name\":\"perf_domain\",\"description\":\"Pool performance domain\",\"value\":\"root\"},"
        + "{\"name\":\"self_heal\",\"description\":\"Self-healing policy\",\"value\":\"exclude;rebuild\"},"
        + "{\"name\":\"space_rb\",\"description\":\"Rebuild space ratio\",\"value\":5},"
        + "{\"name\":\"svc_list\",\"description\":\"Pool service replica list\",\"value\":[0,1,2]},"
        + "{\"name\":\"upgrade_status\",\"description\":\"Upgrade Status\",\"value\":\"not started\"}]", json);
  }

  @Test
  void createWithProperties() {
    PoolCreateCommand c = new PoolCreateCommand();
    new CommandLine(c).parseArgs("tank", "-z", "2G", "-P", "rd_fac:1,svc_rf:2");
    assertEquals(List.of(str(1, "tank"), num(11, 1), num(19, 2)), c.request("daos_server").getPropertiesList());
    PoolCreateCommand bad = new PoolCreateCommand();
    new CommandLine(bad).parseArgs("tank", "-z", "2G", "-P", "label:other");
    assertThrows(CommandError.class, () -> bad.request("daos_server"));
  }
}
