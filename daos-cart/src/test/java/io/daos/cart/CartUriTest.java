package io.daos.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import org.junit.jupiter.api.Test;

class CartUriTest {
  @Test
  void parsesTcpUris() {
    CartUri u = CartUri.parse("ofi+tcp://10.0.0.1:31416");
    assertEquals("ofi+tcp", u.provider());
    assertEquals("10.0.0.1", u.host());
    assertEquals(31416, u.port());
    assertEquals("ofi+tcp://10.0.0.1:31416", u.toString());
    assertEquals("ofi+tcp;ofi_rxm", CartUri.parse("ofi+tcp;ofi_rxm://127.0.0.1:0").provider());
    assertEquals("::1", CartUri.parse("ofi+tcp://[::1]:5").host());
    assertEquals("ofi+tcp://[::1]:5", CartUri.parse("ofi+tcp://[::1]:5").toString());
  }

  @Test
  void rejectsOtherProvidersNamingTheSupportedOnes() {
    DaosException e = assertThrows(DaosException.class, () -> CartUri.parse("ofi+verbs;ofi_rxm://10.0.0.1:31416"));
    assertEquals(DaosStatus.INVAL, e.status());
    assertTrue(e.getMessage().contains("\"ofi+verbs;ofi_rxm\" is not supported"), e.getMessage());
    assertTrue(e.getMessage().contains("[ofi+tcp, ofi+tcp;ofi_rxm]"), e.getMessage());
    assertThrows(DaosException.class, () -> CartUri.parse("ucx+dc_x://10.0.0.1:1"));
  }

  @Test
  void rejectsMalformedUris() {
    for (String bad : new String[] {"10.0.0.1:1", "ofi+tcp://10.0.0.1", "ofi+tcp://:1", "ofi+tcp://h:x",
        "ofi+tcp://h:70000", null}) {
      DaosException e = assertThrows(DaosException.class, () -> CartUri.parse(bad), String.valueOf(bad));
      assertTrue(e.getMessage().startsWith("bad CART-J URI"), e.getMessage());
    }
  }
}
