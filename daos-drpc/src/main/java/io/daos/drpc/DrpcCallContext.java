package io.daos.drpc;

/** What a handler knows about the call it serves: the method, the caller's sequence and the peer. */
public record DrpcCallContext(DrpcMethod method, long sequence, PeerCredentials peer) {
}
