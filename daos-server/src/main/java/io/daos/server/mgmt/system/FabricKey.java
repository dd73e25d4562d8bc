package io.daos.server.mgmt.system;

import io.daos.server.sysdb.SystemDb;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system's CART-J peer key (jdaos's own; DAOS has none): 256 random bits the MS leader creates once, on the
 * first join, and keeps in the system database under a reserved attribute that {@code dmg system get-attr} does not
 * show. Every join reply carries it; the joining server hands it to its engine at SetRank, and engines prove it to
 * each other before any server-to-server RPC.
 */
public final class FabricKey {
  private static final Logger LOG = LoggerFactory.getLogger(FabricKey.class);
  /** Reserved ({@code mgmt.} prefix): never set or listed through the attribute RPCs. */
  static final String ATTR = "mgmt.fabric_key";
  static final int SIZE = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Object CREATE = new Object();

  private FabricKey() {
  }

  /** The key in {@code db}, created (on the leader) if there is none yet. */
  public static byte[] of(SystemDb db) {
    byte[] k = stored(db);
    if (k != null) {
      return k;
    }
    synchronized (CREATE) {
      k = stored(db);
      if (k == null) {
        k = new byte[SIZE];
        RANDOM.nextBytes(k);
        db.setSystemAttrs(Map.of(ATTR, Base64.getEncoder().encodeToString(k)));
        LOG.info("created the system's CART-J peer key");
      }
      return k;
    }
  }

  private static byte[] stored(SystemDb db) {
    String v = db.getSystemAttrs(List.of()).get(ATTR);
    return v == null || v.isEmpty() ? null : Base64.getDecoder().decode(v);
  }
}
