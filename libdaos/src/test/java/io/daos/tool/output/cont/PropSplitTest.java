package io.daos.tool.output.cont;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DAOS's property splitter: quotes and escapes. */
class PropSplitTest {
  @Test
  void propSplitHonoursQuotesAndEscapes() {
    assertEquals(List.of("a:1", "b:\"x,y\"", "c:2"), PropSplit.split("a:1,b:\"x,y\",,c:2", ',', -1));
    assertEquals(List.of("k", "v:w"), PropSplit.split("k:v:w", ':', 1));
    assertEquals(List.of("a\\,b"), PropSplit.split("a\\,b", ',', -1));
  }
}
