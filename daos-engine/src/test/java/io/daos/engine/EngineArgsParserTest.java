package io.daos.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EngineArgsParserTest {
  record Case(String name, String argv, UnaryOperator<EngineArgs> exp) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static EngineArgs with(EngineArgs a, int targets, int xs) {
    return new EngineArgs(targets, xs, a.firstCore(), a.pinnedNumaNode(), a.group(), a.socketDir(), a.storage(),
        a.nvmeConf(), a.storageTiers(), a.instanceIdx(), a.memSizeMib(), a.hugepageSizeMib(), a.bypassHealthChk(),
        a.modules(), a.checkMode());
  }

  static Stream<Case> good() {
    return Stream.of(
        new Case("defaults", "", a -> a),
        new Case("TestConfig_ToCmdVals argv", "-x 2 -t 4 -s /mnt/daos0 -m mgmt -f 1 -g daos_server "
            + "-d /var/run/daos_server -n /mnt/daos0/daos_nvme.conf -I 1 -T 2 -p 1 -b -r 4096 -H 2",
            a -> new EngineArgs(4, 2, 1, 1, "daos_server", Path.of("/var/run/daos_server"), Path.of("/mnt/daos0"),
                "/mnt/daos0/daos_nvme.conf", 2, 1, 4096, 2, true, "mgmt", false)),
        new Case("attached short values", "-t8 -x1", a -> with(a, 8, 1)),
        new Case("long options with =", "--targets=8 --xshelpernr=1", a -> with(a, 8, 1)),
        new Case("long options with separate value", "--targets 8 --xshelpernr 1", a -> with(a, 8, 1)),
        new Case("unique long prefix", "--targ=8 --xs=1", a -> with(a, 8, 1)),
        new Case("hex number", "-t 0x10", a -> with(a, 16, 0)),
        new Case("deprecated -c sets targets", "-c 3", a -> with(a, 3, 0)),
        new Case("bundled flags", "-bC", a -> new EngineArgs(0, 0, -1, -1, "daos_server", a.socketDir(),
            a.storage(), "", 2, 0, 0, 0, true, EngineArgs.CHECKER_MODULES, true)),
        new Case("checker ignores modules", "-C -m mgmt", a -> new EngineArgs(0, 0, -1, -1, "daos_server",
            a.socketDir(), a.storage(), "", 2, 0, 0, 0, false, EngineArgs.CHECKER_MODULES, true)),
        new Case("long checker", "--checker", a -> new EngineArgs(0, 0, -1, -1, "daos_server",
            a.socketDir(), a.storage(), "", 2, 0, 0, 0, false, EngineArgs.CHECKER_MODULES, true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("good")
  void parses(Case tc) throws Exception {
    EngineArgsParser.Result r = EngineArgsParser.parse(split(tc.argv));
    assertFalse(r.help());
    assertEquals(tc.exp.apply(EngineArgs.defaults()), r.args());
  }

  record Bad(String name, String argv, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Bad> bad() {
    return Stream.of(
        new Bad("unknown short option", "-z", "invalid option -- 'z'"),
        new Bad("unknown long option", "--bogus", "unrecognized option '--bogus'"),
        new Bad("ambiguous long prefix", "--s=1", "is ambiguous"),
        new Bad("missing value", "-t", "option '-t' requires an argument"),
        new Bad("missing long value", "--targets", "option '--targets' requires an argument"),
        new Bad("flag with value", "--bypass_health_chk=1", "doesn't allow an argument"),
        new Bad("non-numeric targets", "-t four", "invalid numeric value: four (set by \"-t\")"),
        new Bad("negative number", "-I -1", "invalid numeric value: -1"),
        new Bad("too many tiers", "-T 5", "Requires 1 to 4 tiers"),
        new Bad("zero tiers", "--storage_tiers=0", "Requires 1 to 4 tiers"),
        new Bad("group too long", "-g a_very_long_system_name", "must be 1 to 15 bytes"),
        new Bad("module list too long", "-m " + "x".repeat(65), "longer than 64"),
        new Bad("stray operand", "-t 4 extra", "unexpected argument 'extra'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bad")
  void rejects(Bad tc) {
    EngineUsageException e = assertThrows(EngineUsageException.class, () -> EngineArgsParser.parse(split(tc.argv)));
    assertTrue(e.getMessage().contains(tc.expErr), e.getMessage());
  }

  @Test
  void helpStopsParsing() throws Exception {
    assertTrue(EngineArgsParser.parse("-t", "4", "-h", "--bogus").help());
    assertTrue(EngineArgsParser.parse("--help").help());
  }

  @Test
  void deprecatedCoresWarns() throws Exception {
    List<String> w = EngineArgsParser.parse("-c", "2").warnings();
    assertEquals(1, w.size());
    assertTrue(w.get(0).contains("deprecated"));
  }

  @Test
  void socketPaths() throws Exception {
    EngineArgs a = EngineArgsParser.parse("-d", "/tmp/x").args();
    assertEquals(Path.of("/tmp/x/daos_server.sock"), a.serverSocket());
    assertEquals(Path.of("/tmp/x/daos_engine_42.sock"), a.engineSocket(42));
  }

  @Test
  void contextCountFollowsDaos() throws Exception {
    assertEquals(2 + 4 + 2, EngineArgsParser.parse("-t", "4", "-x", "2").args().contextCount());
    assertEquals(2 + 4 + 4, EngineArgsParser.parse("-t", "4", "-x", "8").args().contextCount());
  }

  private static String[] split(String s) {
    return s.isBlank() ? new String[0] : s.trim().split("\\s+");
  }
}
