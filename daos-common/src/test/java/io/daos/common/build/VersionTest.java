package io.daos.common.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mirrors DAOS's TestBuild_NewVersion / Version_GreaterThan / Version_LessThan (build/version_test.go). */
class VersionTest {
  record ParseCase(String name, String input, Version exp, String expErr) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<ParseCase> parseCases() {
    return Stream.of(
        new ParseCase("valid", "1.2.3", new Version(1, 2, 3), null),
        new ParseCase("valid (prefix)", "v1.2.3", new Version(1, 2, 3), null),
        new ParseCase("all zeroes", "0.0.0", Version.ZERO, null),
        new ParseCase("too short", "1.2", null, "invalid version"),
        new ParseCase("malformed major", ".2.3", null, "invalid major version"),
        new ParseCase("malformed minor", "1..3", null, "invalid minor version"),
        new ParseCase("malformed patch", "1.2.", null, "invalid patch version"),
        new ParseCase("empty", "", null, "invalid version"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parseCases")
  void newVersion(ParseCase tc) {
    if (tc.expErr() != null) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Version.parse(tc.input()));
      assertTrue(e.getMessage().contains(tc.expErr()), e.getMessage());
      return;
    }
    assertEquals(tc.exp(), Version.parse(tc.input()));
  }

  record CmpCase(String name, String a, String b, boolean greater, boolean less) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<CmpCase> cmpCases() {
    return Stream.of(
        new CmpCase("a > b", "1.2.3", "1.2.0", true, false),
        new CmpCase("a < b", "1.2.0", "1.2.3", false, true),
        new CmpCase("a == b", "1.2.3", "1.2.3", false, false),
        new CmpCase("x.y.a < x.y.b", "2.1.100", "2.6.0", false, true),
        new CmpCase("x.y.a > x.y.b", "2.6.0", "2.1.100", true, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cmpCases")
  void compare(CmpCase tc) {
    Version a = Version.parse(tc.a());
    Version b = Version.parse(tc.b());
    assertEquals(tc.greater(), a.greaterThan(b));
    assertEquals(tc.less(), a.lessThan(b));
  }
}
