package io.daos.dmg.output.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.dmg.output.RankRanges;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Cases from DAOS's TestPretty_tabulateRankGroups. */
class TableFormatterTest {
  private static RankGroups mockRankGroups() {
    RankGroups g = new RankGroups();
    g.put("foo\tOK", RankRanges.parse("0-9,11-19"));
    g.put("bar\tBAD", RankRanges.parse("10,20-299"));
    return g;
  }

  @Test
  void formattedResults() {
    StringBuilder sb = new StringBuilder();
    SystemPrinter.tabulateRankGroups(sb, mockRankGroups(), "Ranks", "Action", "Result");
    assertEquals("Ranks       Action Result \n-----       ------ ------ \n[10,20-299] bar    BAD    \n"
        + "[0-9,11-19] foo    OK     \n\n", sb.toString());
  }

  @Test
  void columnNumberMismatch() {
    var e = assertThrows(IllegalArgumentException.class, () -> SystemPrinter.tabulateRankGroups(
        new StringBuilder(), mockRankGroups(), "Ranks", "SCM", "NVME", "???"));
    assertEquals("unexpected summary format, fields [SCM NVME ???] values [bar BAD]", e.getMessage());
  }

  @Test
  void emptyRankGroups() {
    StringBuilder sb = new StringBuilder();
    SystemPrinter.tabulateRankGroups(sb, new RankGroups(), "Ranks", "Action", "Result");
    assertEquals("Ranks Action Result \n----- ------ ------ \n\n", sb.toString());
  }

  @Test
  void doubleTabCharInResultMessage() {
    RankGroups g = mockRankGroups();
    g.put("zoo\t\tallow", new TreeSet<>(RankRanges.parse("300-399")));
    var e = assertThrows(IllegalArgumentException.class, () -> SystemPrinter.tabulateRankGroups(
        new StringBuilder(), g, "Ranks", "Action", "Result"));
    assertEquals("unexpected summary format, fields [Action Result] values [zoo  allow]", e.getMessage());
  }
}
