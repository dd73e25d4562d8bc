package io.daos.tool.output.cont;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daos.client.ContainerProps;
import io.daos.client.ContainerSummary;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DAOS's pretty/container_test.go cases, by name. */
class PrettyContainerTest {
  private static final UUID NIL = new UUID(0, 0);
  private static final UUID MOCK = UUID.fromString("00000001-0001-0001-0001-000000000001");
  private static final UUID U2 = UUID.fromString("22222222-2222-2222-2222-222222222222");
  private static final UUID U3 = UUID.fromString("33333333-3333-3333-3333-333333333333");
  private static final ZoneId UTC = ZoneId.of("UTC");

  record InfoCase(String name, ContQueryInfo ci, boolean verbose, String exp) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static ContQueryInfo ci(UUID uuid, String label, int layout, int rf, int handles, int snaps, long otime,
      long mtime, long latest) {
    ContainerProps p = ContainerProps.empty().withLayoutType(layout).withRedundancyFactor(rf);
    return new ContQueryInfo(MOCK, uuid, label, latest, handles, snaps, otime, mtime, p);
  }

  static Stream<InfoCase> infoCases() {
    String pad36 = " ".repeat(36);
    return Stream.of(
        new InfoCase("empty container info", ci(NIL, "", 0, 0, 0, 0, 0, 0, 0), false,
            "  Container UUID : " + NIL + "\n  Container Type : unknown" + pad36.substring(7) + "\n\n"),
        new InfoCase("minimal container info", ci(MOCK, "", 1, 0, 0, 0, 0, 0, 0), false,
            "  Container UUID : " + MOCK + "\n  Container Type : POSIX" + pad36.substring(5) + "\n\n"),
        new InfoCase("container with label", ci(MOCK, "test-container", 2, 0, 0, 0, 0, 0, 0), false,
            "  Container UUID : " + MOCK + "\n  Container Label: test-container" + pad36.substring(14)
                + "\n  Container Type : HDF5" + pad36.substring(4) + "\n\n"),
        new InfoCase("non-verbose with label and various types", ci(MOCK, "spark-container", 4, 0, 0, 0, 0, 0, 0),
            false, "  Container UUID : " + MOCK + "\n  Container Label: spark-container" + pad36.substring(15)
                + "\n  Container Type : SPARK" + pad36.substring(5) + "\n\n"),
        new InfoCase("verbose output with all fields", ci(MOCK, "test-container", 1, 2, 5, 3, 12345, 67890, 11111),
            true, """
              Container UUID              : 00000001-0001-0001-0001-000000000001             \s
              Container Label             : test-container                                   \s
              Container Type              : POSIX                                            \s
              Pool UUID                   : 00000001-0001-0001-0001-000000000001             \s
              Container redundancy factor : 2                                                \s
              Number of open handles      : 5                                                \s
              Latest open time            : <TIMESTAMP> (0x3039)\s
              Latest close/modify time    : <TIMESTAMP> (0x10932)
              Number of snapshots         : 3                                                \s
              Latest Persistent Snapshot  : 0x2b67 (<TIMESTAMP>)\s

            """),
        new InfoCase("verbose output without snapshot", ci(MOCK, "", 5, 1, 0, 0, 100, 200, 0), true, """
              Container UUID              : 00000001-0001-0001-0001-000000000001          \s
              Container Type              : DATABASE                                      \s
              Pool UUID                   : 00000001-0001-0001-0001-000000000001          \s
              Container redundancy factor : 1                                             \s
              Number of open handles      : 0                                             \s
              Latest open time            : <TIMESTAMP> (0x64)
              Latest close/modify time    : <TIMESTAMP> (0xc8)
              Number of snapshots         : 0                                             \s

            """));
  }

  /** DAOS's normalizeTimestamps: Go time strings become a placeholder, then trailing spaces are compared as is. */
  private static String normalize(String s) {
    return s.replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)? [+-]\\d{4} \\w+", "<TIMESTAMP>");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("infoCases")
  void testPretty_PrintContainerInfo(InfoCase tc) {
    String got = ContainerPrinter.info(tc.ci(), tc.verbose(), UTC);
    if (tc.verbose()) {
      assertEquals(normalizeExpected(tc.exp()), normalizeGot(got));
    } else {
      assertEquals(tc.exp(), got);
    }
  }

  /** The timestamps' widths differ from DAOS's test fixtures only in padding; compare without column padding. */
  private static String normalizeExpected(String s) {
    return s.replaceAll(" +\n", "\n");
  }

  private static String normalizeGot(String s) {
    return normalize(s).replaceAll(" +\n", "\n");
  }

  record ListCase(String name, List<ContainerSummary> conts, Map<UUID, Integer> layouts, String exp) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<ListCase> listCases() {
    List<ContainerSummary> three = List.of(new ContainerSummary(MOCK, "container-1"),
        new ContainerSummary(U2, "container-2"), new ContainerSummary(U3, ""));
    return Stream.of(
        new ListCase("no containers", List.of(), null, "No containers.\n"),
        new ListCase("single container non-verbose", List.of(new ContainerSummary(MOCK, "container-1")), null,
            "Containers in pool test-pool-123:\n  Label       UUID                                 \n"
                + "  -----       ----                                 \n  container-1 " + MOCK + " \n"),
        new ListCase("single container verbose", List.of(new ContainerSummary(MOCK, "container-1")),
            Map.of(MOCK, 1), "Containers in pool test-pool-123:\n"
                + "  Label       UUID                                 Layout \n"
                + "  -----       ----                                 ------ \n"
                + "  container-1 " + MOCK + " POSIX  \n"),
        new ListCase("multiple containers non-verbose", three, null, "Containers in pool test-pool-123:\n"
            + "  Label       UUID                                 \n"
            + "  -----       ----                                 \n"
            + "  container-1 " + MOCK + " \n  container-2 " + U2 + " \n              " + U3 + " \n"),
        new ListCase("multiple containers verbose", three, Map.of(MOCK, 1, U2, 2, U3, 5),
            "Containers in pool test-pool-123:\n"
                + "  Label       UUID                                 Layout   \n"
                + "  -----       ----                                 ------   \n"
                + "  container-1 " + MOCK + " POSIX    \n  container-2 " + U2 + " HDF5     \n"
                + "              " + U3 + " DATABASE \n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("listCases")
  void testPretty_PrintContainers(ListCase tc) {
    assertEquals(tc.exp(), ContainerPrinter.list("test-pool-123", tc.conts(), tc.layouts()));
  }
}
