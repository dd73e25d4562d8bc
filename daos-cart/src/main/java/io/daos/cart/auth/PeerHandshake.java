package io.daos.cart.auth;

import io.daos.cart.CartReply;
import io.daos.cart.Opcode;
import io.daos.cart.PeerAuth;
import io.daos.common.status.DaosException;
import io.daos.common.status.DaosStatus;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;

/**
 * The challenge-response an engine's connection runs once, before its first RPC, to prove it holds the system's
 * key (and to check that the engine it reached holds it too). Two CART-J round trips in a private module (0xFD):
 * <pre>
 *  HELLO  request body: Nc (32 random bytes)
 *         reply   body: Ns (32 random bytes) || HMAC(K, "jdaos-cart-server" || Nc || Ns)
 *  PROOF  request body: HMAC(K, "jdaos-cart-client" || Nc || Ns)
 *         reply   empty, or DER_NO_PERM: the connection stays unproven
 * </pre>
 * Both nonces are fresh per connection, so a recorded exchange proves nothing on another connection. The frames
 * themselves are not signed: the proof binds the TCP connection, not what travels on it (see docs/admin-guide.md, "Fabric peers (CART-J)").
 */
public final class PeerHandshake {
  /** CART-J's own module for the handshake (not a DAOS module; DAOS's CaRT uses 0xFF, 0xFE, 0xF4). */
  static final int MODULE = 0xFD;
  public static final Opcode HELLO = Opcode.of(MODULE, 1, 0);
  public static final Opcode PROOF = Opcode.of(MODULE, 1, 1);
  static final int NONCE = 32;
  static final byte[] SERVER_LABEL = "jdaos-cart-server".getBytes(StandardCharsets.US_ASCII);
  static final byte[] CLIENT_LABEL = "jdaos-cart-client".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private PeerHandshake() {
  }

  static byte[] nonce() {
    byte[] n = new byte[NONCE];
    RANDOM.nextBytes(n);
    return n;
  }

  /** True for the handshake's own opcodes. */
  public static boolean isHandshake(int opcode) {
    return opcode == HELLO.code() || opcode == PROOF.code();
  }

  /**
   * Proves {@code auth}'s key to the server at {@code uri} over {@code call} (opcode, body) → reply, which must
   * use the connection being proved. Completes when the server accepted the proof; fails with DER_NO_PERM when
   * either side does not hold the key.
   */
  public static CompletableFuture<Void> prove(PeerAuth auth, String uri,
      BiFunction<Opcode, byte[], CompletableFuture<CartReply>> call) {
    byte[] nc = nonce();
    return call.apply(HELLO, nc).thenCompose(hello -> {
      byte[] body;
      try (hello) {
        body = hello.bodyBytes();
      }
      if (body.length != 2 * NONCE) {
        throw refused(auth, uri, "its challenge has " + body.length + " bytes, not " + 2 * NONCE);
      }
      byte[] ns = Arrays.copyOf(body, NONCE);
      if (!auth.verify(Arrays.copyOfRange(body, NONCE, 2 * NONCE), SERVER_LABEL, nc, ns)) {
        throw refused(auth, uri, "it does not hold this system's key (an engine of another system, or not an engine)");
      }
      return call.apply(PROOF, auth.mac(CLIENT_LABEL, nc, ns));
    }).handle((proof, err) -> {
      if (err == null) {
        proof.close();
        return null;
      }
      if (statusOf(err) == DaosStatus.NO_PERM && !messageOf(err).contains("peer authentication")) {
        throw refused(auth, uri, "it refused this engine's key: " + messageOf(err));
      }
      Throwable c = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
      throw c instanceof RuntimeException ? (RuntimeException) c : new DaosException(DaosStatus.MISC, c.toString(), c);
    });
  }

  private static DaosException refused(PeerAuth auth, String uri, String why) {
    return new DaosException(DaosStatus.NO_PERM, auth.name() + ": CART-J peer authentication with " + uri
        + " failed: " + why + "; check that both engines belong to the same system (dmg system query) and "
        + "were set up by its daos_server");
  }

  /** The DAOS status {@code err} (a failed call or handshake) carries; DER_UNREACH when it carries none. */
  public static DaosStatus statusOf(Throwable err) {
    Throwable c = err instanceof CompletionException && err.getCause() != null ? err.getCause()
        : err;
    return c instanceof DaosException ? ((DaosException) c).status() : DaosStatus.UNREACH;
  }

  /** The message of {@code err} without the CompletionException wrapper. */
  public static String messageOf(Throwable err) {
    Throwable c = err instanceof CompletionException && err.getCause() != null ? err.getCause()
        : err;
    return c.getMessage();
  }
}
