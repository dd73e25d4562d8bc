package io.daos.dmg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** dmg skips the JDK's cacerts (it trusts only the DAOS CA of its config) unless the user names a trust store. */
class DmgMainTest {
  private final String before = System.getProperty(DmgMain.TRUST_STORE);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(DmgMain.TRUST_STORE);
    } else {
      System.setProperty(DmgMain.TRUST_STORE, before);
    }
  }

  @Test
  void noTrustStoreNamedGetsNone() {
    System.clearProperty(DmgMain.TRUST_STORE);
    DmgMain.skipJdkTrustStore();
    assertEquals("NONE", System.getProperty(DmgMain.TRUST_STORE));
  }

  @Test
  void namedTrustStoreIsKept() {
    System.setProperty(DmgMain.TRUST_STORE, "/etc/pki/mine.p12");
    DmgMain.skipJdkTrustStore();
    assertEquals("/etc/pki/mine.p12", System.getProperty(DmgMain.TRUST_STORE));
  }
}
