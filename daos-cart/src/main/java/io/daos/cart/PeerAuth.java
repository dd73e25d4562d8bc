package io.daos.cart;

import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system's CART-J peer key as one engine holds it, shared by its server (which checks peers) and its clients
 * (which prove themselves). It starts AWAITING (no key: server-only opcodes are refused, nothing is proved), becomes
 * KEYED when daos_server hands the key over (SetRank), or OPEN when the control plane has none to give (a DAOS
 * daos_server): then server-only opcodes are served from anyone, as in DAOS, and a warning says so.
 */
public final class PeerAuth {
  private static final Logger LOG = LoggerFactory.getLogger(PeerAuth.class);
  /** Bytes of the key (HMAC-SHA256 with a 256-bit key). */
  public static final int KEY_SIZE = 32;
  private static final String HMAC = "HmacSHA256";

  /** Where an engine stands. */
  public enum State { AWAITING, KEYED, OPEN }

  private final String name;
  private volatile State state = State.AWAITING;
  private volatile SecretKeySpec key;

  private PeerAuth(String name) {
    this.name = name;
  }

  /** No key yet (an engine before SetRank). */
  public static PeerAuth awaitingKey(String name) {
    return new PeerAuth(name);
  }

  /** Holding {@code key} from the start. */
  public static PeerAuth withKey(String name, byte[] key) {
    PeerAuth a = new PeerAuth(name);
    a.install(key);
    return a;
  }

  /** Installs the system's key; throws DER_INVAL unless it has {@value #KEY_SIZE} bytes. */
  public synchronized void install(byte[] k) {
    if (k == null || k.length != KEY_SIZE) {
      throw new DaosException(DaosStatus.INVAL, name + ": the CART-J peer key must have " + KEY_SIZE
          + " bytes, got " + (k == null ? 0 : k.length) + " (daos_server hands over the system's key at SetRank)");
    }
    SecretKeySpec next = new SecretKeySpec(k.clone(), HMAC);
    if (state != State.KEYED || !Arrays.equals(key.getEncoded(), k)) {
      LOG.info("{}: CART-J peer authentication on (system key installed)", name);
    }
    key = next;
    state = State.KEYED;
  }

  /** No key will come: serve server-only opcodes from anyone, as DAOS does; says so loudly. */
  public synchronized void open(String why) {
    if (state == State.KEYED) {
      LOG.warn("{}: keeping the CART-J peer key ({}): peer authentication stays on", name, why);
      return;
    }
    LOG.warn("{}: CART-J peer authentication is OFF ({}): any process that reaches this engine's fabric port can "
        + "send it server-to-server RPCs (destroy pool targets, exclude ranks); run daos_server from jdaos", name, why);
    state = State.OPEN;
  }

  public State state() {
    return state;
  }

  public boolean keyed() {
    return state == State.KEYED;
  }

  /** HMAC-SHA256 under the key of {@code label || parts...} (the handshake); DER_NO_PERM when there is no key. */
  public byte[] mac(byte[] label, byte[]... parts) {
    SecretKeySpec k = key;
    if (k == null) {
      throw new DaosException(DaosStatus.NO_PERM, name + ": no CART-J peer key yet");
    }
    try {
      Mac m = Mac.getInstance(HMAC);
      m.init(k);
      m.update(label);
      for (byte[] p : parts) {
        m.update(p);
      }
      return m.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC + " is not available in this JVM", e);
    }
  }

  /** Constant-time comparison of {@code expected} with the MAC of {@code parts}. */
  public boolean verify(byte[] got, byte[] label, byte[]... parts) {
    return got != null && MessageDigest.isEqual(mac(label, parts), got);
  }

  public String name() {
    return name;
  }
}
