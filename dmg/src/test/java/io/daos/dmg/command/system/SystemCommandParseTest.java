package io.daos.dmg.command.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import io.daos.proto.mgmt.SystemQueryReq;
import io.daos.proto.mgmt.SystemStartReq;
import io.daos.proto.mgmt.SystemStopReq;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Flags → request fields, with the case names of DAOS's dmg system_test.go (TestDmg_SystemCommands). */
class SystemCommandParseTest {
  private static final String SYS = "daos_server";
  private static final int ALL = 0xFFFF;

  static SystemQueryReq.Builder query() {
    return SystemQueryReq.newBuilder().setSys(SYS).setStateMask(ALL);
  }

  static SystemStopReq.Builder stop() {
    return SystemStopReq.newBuilder().setSys(SYS).setForce(true);
  }

  static SystemStartReq.Builder start() {
    return SystemStartReq.newBuilder().setSys(SYS);
  }

  static Arguments ok(String name, String cmd, Message exp) {
    return Arguments.of(name, cmd, exp, null);
  }

  static Arguments err(String name, String cmd, String expErr) {
    return Arguments.of(name, cmd, null, expErr);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        ok("system query with no arguments", "system query", query().build()),
        ok("system query with single rank", "system query --ranks 0", query().setRanks("0").build()),
        ok("system query with multiple ranks", "system query --ranks 0,2,4-8", query().setRanks("0,2,4-8").build()),
        err("system query with bad ranklist", "system query --ranks 0,2,four,,4-8", "creating numeric set from "),
        ok("system query with single host", "system query --rank-hosts foo-0", query().setHosts("foo-0").build()),
        ok("system query with multiple hosts", "system query --rank-hosts bar9,foo-[0-100]",
            query().setHosts("bar9,foo-[0-100]").build()),
        err("system query with bad hostlist", "system query --rank-hosts bar9,foo-[0-100],123",
            "invalid hostname \"123\""),
        err("system query with both hosts and ranks specified",
            "system query --rank-hosts bar9,foo-[0-100] --ranks 0,2,4-8",
            "--ranks and --rank-hosts options cannot be set together"),
        ok("system query with not-ok specified", "system query --not-ok", query().setStateMask(ALL & ~0x8).build()),
        ok("system query with states specified", "system query --with-states joined,Excluded",
            query().setStateMask(0x8 | 0x40).build()),
        err("system query with invalid state specified", "system query --with-states Joined,Exclud",
            "invalid state name"),
        err("system query with both not-ok and with-states specified", "system query --not-ok --with-states Joined",
            "--not-ok and --with-states options cannot be set together"),
        ok("system query verbose", "system query --verbose", query().build()),
        ok("system stop with no arguments", "system stop", stop().build()),
        ok("system stop with force", "system stop --force", stop().build()),
        ok("system stop with single rank", "system stop --ranks 0", stop().setRanks("0").build()),
        ok("system stop with multiple ranks", "system stop --ranks 0,1,4", stop().setRanks("0-1,4").build()),
        ok("system stop with multiple hosts", "system stop --rank-hosts bar9,foo-[0-100]",
            stop().setHosts("bar9,foo-[0-100]").build()),
        err("system stop with bad hostlist", "system stop --rank-hosts bar9,foo-[0-100],123",
            "invalid hostname \"123\""),
        err("system stop with both hosts and ranks specified",
            "system stop --rank-hosts bar9,foo-[0-100] --ranks 0,2,4-8",
            "--ranks and --rank-hosts options cannot be set together"),
        ok("system stop with full option", "system stop --full", stop().setForce(false).build()),
        err("system stop with full and force options", "system stop --full --force", "may not be mixed"),
        err("system stop with full and rank-hosts options", "system stop --full --rank-hosts foo-[0-2]",
            "may not be mixed"),
        err("system stop with full and ranks options", "system stop --full --ranks 0-2", "may not be mixed"),
        ok("system stop with ignore-admin-excluded option", "system stop --ignore-admin-excluded",
            stop().setIgnoreAdminExcluded(true).build()),
        ok("system start with no arguments", "system start", start().build()),
        ok("system start with single rank", "system start --ranks 0", start().setRanks("0").build()),
        ok("system start with multiple ranks", "system start --ranks 0,1,4", start().setRanks("0-1,4").build()),
        ok("system start with multiple hosts", "system start --rank-hosts bar9,foo-[0-100]",
            start().setHosts("bar9,foo-[0-100]").build()),
        err("system start with bad hostlist", "system start --rank-hosts bar9,foo-[0-100],123",
            "invalid hostname \"123\""),
        err("system start with both hosts and ranks specified",
            "system start --rank-hosts bar9,foo-[0-100] --ranks 0,2,4-8",
            "--ranks and --rank-hosts options cannot be set together"),
        ok("system start with ranks and ignore-admin-excluded", "system start --ranks 0-3 --ignore-admin-excluded",
            start().setRanks("0-3").setIgnoreAdminExcluded(true).build()),
        ok("system start with hosts and ignore-admin-excluded",
            "system start --rank-hosts foo-1 --ignore-admin-excluded",
            start().setHosts("foo-1").setIgnoreAdminExcluded(true).build()),
        ok("system start all with ignore-admin-excluded", "system start --ignore-admin-excluded",
            start().setIgnoreAdminExcluded(true).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void systemCommands(String name, String cmd, Message exp, String expErr) {
    String[] words = cmd.split(" ");
    String[] flags = java.util.Arrays.copyOfRange(words, 2, words.length);
    Function<String, Message> build = switch (words[1]) {
      case "query" -> parsed(new SystemQueryCommand(), flags)::request;
      case "stop" -> parsed(new SystemStopCommand(), flags)::request;
      case "start" -> parsed(new SystemStartCommand(), flags)::request;
      default -> throw new IllegalArgumentException(words[1]);
    };
    if (expErr != null) {
      RuntimeException e = assertThrows(RuntimeException.class, () -> build.apply(SYS));
      assertTrue(e.getMessage().contains(expErr), e.getMessage());
      return;
    }
    assertEquals(exp, build.apply(SYS));
  }

  private static <T> T parsed(T cmd, String[] flags) {
    new CommandLine(cmd).parseArgs(flags);
    return cmd;
  }
}
