package io.daos.client.obj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How errors name keys. */
class KeysTest {
  @Test
  void describeQuotesTextAndHexesBinaryAndCutsLongKeys() {
    assertEquals("\"greeting\"", Keys.describe(Keys.utf8("greeting")));
    assertEquals("0x0100000000000000", Keys.describe(Keys.u64(1)));
    assertEquals("\"" + "k".repeat(48) + "...\" (600 bytes)", Keys.describe(Keys.utf8("k".repeat(600))));
    assertEquals("0x" + "00".repeat(16) + "... (20 bytes)", Keys.describe(new byte[20]));
  }
}
