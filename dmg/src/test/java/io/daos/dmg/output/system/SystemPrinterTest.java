package io.daos.dmg.output.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected text taken from DAOS's pretty/system_test.go (same case names). */
class SystemPrinterTest {
  private static final String DEFAULT_POLICY = "exclude;pool_exclude;pool_rebuild";

  static Member mockMember(long rank, String state) {
    String r = Long.toString(rank);
    String uuid = "0000000" + r + "-000" + r + "-000" + r + "-000" + r + "-00000000000" + r;
    return new Member("127.0.0." + r + ":10001", MemberStates.lower(state), "/", rank, 0, uuid, "", null, 0,
        null, "", "0001-01-01T00:00:00Z");
  }

  static List<Member> normalMembers() {
    return List.of(mockMember(0, "Joined"), mockMember(1, "Joined"), mockMember(2, "Stopped"),
        mockMember(3, "Excluded"), mockMember(4, "Stopped"), mockMember(5, "Joined"), mockMember(6, "Joined"));
  }

  static Arguments query(String name, List<Member> members, String hosts, String ranks, String policy,
      boolean verbose, String exp) {
    return Arguments.of(name, new SystemQueryResponse(members, null, policy, new Absent(ranks, hosts)), verbose,
        exp);
  }

  static Stream<Arguments> queryCases() {
    String normal = """
        Rank      State   \s
        ----      -----   \s
        [0-1,5-6] Joined  \s
        [2,4]     Stopped \s
        3         Excluded\s

        """;
    String verbose = """
        Rank UUID                                 Control Address Fault Domain State    Reason\s
        ---- ----                                 --------------- ------------ -----    ------\s
        0    00000000-0000-0000-0000-000000000000 127.0.0.0:10001 /            Joined         \s
        1    00000001-0001-0001-0001-000000000001 127.0.0.1:10001 /            Joined         \s
        2    00000002-0002-0002-0002-000000000002 127.0.0.2:10001 /            Stopped        \s
        3    00000003-0003-0003-0003-000000000003 127.0.0.3:10001 /            Excluded       \s
        4    00000004-0004-0004-0004-000000000004 127.0.0.4:10001 /            Stopped        \s
        5    00000005-0005-0005-0005-000000000005 127.0.0.5:10001 /            Joined         \s
        6    00000006-0006-0006-0006-000000000006 127.0.0.6:10001 /            Joined         \s

        """;
    List<Member> one = List.of(mockMember(0, "Joined"));
    return Stream.of(
        query("empty response", List.of(), "", "", DEFAULT_POLICY, false, "Query matches no ranks in system\n"),
        query("response with missing hosts and ranks", List.of(), "foo[7-9]", "7-9", DEFAULT_POLICY, false,
            "Query matches no ranks in system\nUnknown 3 hosts: foo[7-9]\nUnknown 3 ranks: 7-9\n"),
        query("single response", one, "", "", DEFAULT_POLICY, false,
            "Rank State  \n---- -----  \n0    Joined \n\n"),
        query("single response with missing hosts and ranks", one, "foo[7-9]", "7-9", DEFAULT_POLICY, false,
            "Rank  State        \n----  -----        \n[7-9] Unknown Rank \n0     Joined       \n\n"
                + "Unknown 3 hosts: foo[7-9]\n"),
        query("single response verbose", one, "", "", DEFAULT_POLICY, true,
            "Rank UUID                                 Control Address Fault Domain State  Reason \n"
                + "---- ----                                 --------------- ------------ -----  ------ \n"
                + "0    00000000-0000-0000-0000-000000000000 127.0.0.0:10001 /            Joined        \n\n"),
        query("normal response", normalMembers(), "", "", DEFAULT_POLICY, false, normal),
        query("normal response; empty self_heal system property", normalMembers(), "", "", "", false,
            normal + "System property self_heal flags disabled: exclude, pool_exclude, pool_rebuild\n"),
        query("normal response; missing exclude and pool_exclude in self_heal system property", normalMembers(),
            "", "", "pool_rebuild", false,
            normal + "System property self_heal flags disabled: exclude, pool_exclude\n"),
        query("normal response; missing exclude self_heal system property", normalMembers(), "", "",
            "pool_exclude;pool_rebuild", false, normal + "System property self_heal flag disabled: exclude\n"),
        query("missing hosts; none-value self_heal system property", normalMembers(), "foo[7-9]", "", "none",
            false, normal + "Unknown 3 hosts: foo[7-9]\n"
                + "System property self_heal flags disabled: exclude, pool_exclude, pool_rebuild\n"),
        query("missing ranks", normalMembers(), "", "7-9", DEFAULT_POLICY, false, """
            Rank      State       \s
            ----      -----       \s
            [0-1,5-6] Joined      \s
            [7-9]     Unknown Rank\s
            [2,4]     Stopped     \s
            3         Excluded    \s

            """),
        query("normal response verbose", normalMembers(), "", "", DEFAULT_POLICY, true, verbose),
        query("response verbose with missing hosts and ranks", normalMembers(), "foo[7-9]", "7-9", DEFAULT_POLICY,
            true, verbose + "Unknown 3 hosts: foo[7-9]\nUnknown 3 ranks: 7-9\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queryCases")
  void printSystemQueryResp(String name, SystemQueryResponse resp, boolean verbose, String exp) {
    StringBuilder sb = new StringBuilder();
    SystemPrinter.printQuery(sb, sb, resp, verbose);
    assertEquals(exp, sb.toString());
  }

  static MemberResult result(long rank, String action, String err, String state) {
    return new MemberResult(err == null ? state : "errored", "", rank, action, err != null, err == null ? "" : err);
  }

  static Stream<Arguments> stopCases() {
    List<MemberResult> success = List.of(result(1, "stop", null, "ready"), result(2, "stop", null, "ready"),
        result(0, "stop", null, "stopped"), result(3, "stop", null, "stopped"));
    List<MemberResult> failed = List.of(result(1, "stop", null, "ready"), result(2, "stop", "fail,\t\t/", "ready"),
        result(0, "stop", "failed", "stopped"), result(3, "stop", null, "stopped"));
    return Stream.of(
        Arguments.of("empty response", List.of(), Absent.NONE, "No results returned\n"),
        Arguments.of("empty response with missing hosts and ranks", List.of(), new Absent("7-9", "foo[7-9]"),
            "No results returned\nUnknown 3 hosts: foo[7-9]\nUnknown 3 ranks: 7-9\n"),
        Arguments.of("normal response", success, Absent.NONE,
            "Rank  Operation Result \n----  --------- ------ \n[0-3] stop      OK     \n\n"),
        Arguments.of("response with failures", failed, Absent.NONE, """
            Rank  Operation Result  \s
            ----  --------- ------  \s
            [1,3] stop      OK      \s
            2     stop      fail,  /\s
            0     stop      failed  \s

            """),
        Arguments.of("normal response with missing hosts and ranks", success, new Absent("7-9", "foo[7-9]"), """
            Rank  Operation Result      \s
            ----  --------- ------      \s
            [0-3] stop      OK          \s
            [7-9] ----      Unknown Rank\s

            Unknown 3 hosts: foo[7-9]
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stopCases")
  void printSystemStopResp(String name, List<MemberResult> results, Absent absent, String exp) {
    StringBuilder sb = new StringBuilder();
    SystemPrinter.printResults(sb, sb, new SystemResultsResponse(new ArrayList<>(results), absent));
    assertEquals(exp, sb.toString());
  }

  static Stream<Arguments> startCases() {
    List<MemberResult> failed = List.of(result(1, "start", null, "ready"), result(2, "start", "fail", "ready"),
        result(0, "start", "failed\t\tnow", "stopped"), result(3, "start", null, "stopped"));
    return Stream.of(Arguments.of("response with failures", failed, """
        Rank  Operation Result     \s
        ----  --------- ------     \s
        [1,3] start     OK         \s
        2     start     fail       \s
        0     start     failed  now\s

        """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("startCases")
  void printSystemStartResp(String name, List<MemberResult> results, String exp) {
    StringBuilder sb = new StringBuilder();
    SystemPrinter.printResults(sb, sb, new SystemResultsResponse(results, Absent.NONE));
    assertEquals(exp, sb.toString());
  }
}
