package io.daos.dmg.command.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daos.dmg.command.CommandError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyValueArgsTest {
  @Test
  void pairsAreTrimmedAndKeepTheirOrder() {
    assertEquals(List.of("a", "b"), List.copyOf(KeyValueArgs.pairs(" a : 1,b:x:y").keySet()));
    assertEquals(Map.of("a", "1", "b", "x:y"), KeyValueArgs.pairs(" a : 1,b:x:y"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "a", "a:", ":1", "a:1,,b:2"})
  void badPairsAreRefused(String arg) {
    assertThrows(CommandError.class, () -> KeyValueArgs.pairs(arg));
  }

  @Test
  void keys() {
    assertEquals(List.of(), KeyValueArgs.keys(null));
    assertEquals(List.of("a", "b"), KeyValueArgs.keys("a, b"));
    assertThrows(CommandError.class, () -> KeyValueArgs.keys("a,,b"));
    assertThrows(CommandError.class, () -> KeyValueArgs.keys("a:1"));
  }
}
