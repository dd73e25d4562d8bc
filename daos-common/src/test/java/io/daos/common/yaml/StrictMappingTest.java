package io.daos.common.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The key-by-key mapping reader, the "did you mean" hint and integer literals shared by the config readers. */
class StrictMappingTest {
  /** Words each fault as "line: what" so the tests can check line and content. */
  private static final class Faults implements StrictYaml.Faults {
    @Override
    public RuntimeException unknownKey(int line, String key, String type, List<String> allowed) {
      return new IllegalArgumentException(line + ": unknown " + key + " in " + type + " asked " + allowed);
    }

    @Override
    public RuntimeException duplicateKey(int line, String key) {
      return new IllegalArgumentException(line + ": duplicate " + key);
    }

    @Override
    public RuntimeException typeError(int line, String value, String into) {
      return new IllegalArgumentException(line + ": cannot unmarshal " + value + " " + into);
    }
  }

  private final StrictYaml y = new StrictYaml(new Faults(), Set.of(), Set.of());

  private StrictMapping keys(String yaml) {
    return y.keys(StrictYaml.compose(yaml), "t");
  }

  @Test
  void getMarksKeysAskedAndRejectUnknownNamesTheFirstOther() {
    StrictMapping m = keys("a: 1\nb: ~\nc: 3\nd: 4\n");
    assertEquals("1", ((ScalarNode) m.get("a")).getValue());
    assertNull(m.get("b"));
    assertNull(m.get("zz"));
    assertEquals(2, m.lineOf("b"));
    assertEquals(1, m.lineOf("zz"));
    Exception e = assertThrows(IllegalArgumentException.class, m::rejectUnknown);
    assertEquals("3: unknown c in t asked [a, b, zz]", e.getMessage());
  }

  @Test
  void duplicateKeyFailsWhenOpened() {
    Exception e = assertThrows(IllegalArgumentException.class, () -> keys("a: 1\nb: 2\na: 3\n"));
    assertEquals("3: duplicate a", e.getMessage());
  }

  @Test
  void nonMappingAndNonStringKeyAreTypeErrors() {
    Exception e = assertThrows(IllegalArgumentException.class, () -> keys("- a\n"));
    assertEquals("1: cannot unmarshal sequence into t", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> keys("? [x]\n: 1\n"));
    assertEquals("1: cannot unmarshal sequence into a string key", e.getMessage());
  }

  @Test
  void keyHintFindsTheClosestKnownKey() {
    assertEquals("targets", KeyHint.closest("tragets", List.of("nr_xs_helpers", "targets")));
    assertNull(KeyHint.closest("zzzzzz", List.of("targets")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"16, 16", "1_000, 1000", "0x1f, 31", "-0x10, -16", "0o17, 15", "+7, 7"})
  void integerLiterals(String text, long want) {
    assertEquals(want, StrictYaml.integerLiteral(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"abc", "0x", "1.5", "0o8"})
  void notIntegerLiterals(String text) {
    assertNull(StrictYaml.integerLiteral(text));
  }
}
