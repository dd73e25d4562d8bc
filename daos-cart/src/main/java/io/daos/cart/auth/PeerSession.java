package io.daos.cart.auth;

/**
 * The server side of one connection's handshake: the nonces of its HELLO and whether its PROOF was accepted.
 * Frames of one connection are dispatched in order, so the proof is checked before the next frame is looked at.
 */
public final class PeerSession {
  private volatile byte[] clientNonce;
  private volatile byte[] serverNonce;
  private volatile boolean proven;

  /** True once this connection proved the system's key. */
  public boolean proven() {
    return proven;
  }

  void challenged(byte[] nc, byte[] ns) {
    clientNonce = nc;
    serverNonce = ns;
    proven = false;
  }

  byte[] clientNonce() {
    return clientNonce;
  }

  byte[] serverNonce() {
    return serverNonce;
  }

  void prove() {
    proven = true;
    clientNonce = null;
    serverNonce = null;
  }
}
